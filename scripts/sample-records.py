#!/usr/bin/env python3
"""Writes the illustrative records under samples/records/: synthetic zone layers (one GeoJSON per zone code), a
synthetic rights register (rights.geojson + control-numbers.csv, imported into register.gpkg by
`mineralrules register import`) and sample applications with boundaries. Every feature says synthetic: true; no
real red-line or register data is published with the plan. Deterministic: running it again writes the same files.

    python3 scripts/sample-records.py && \
    dotnet run --project src/MineralRules.Cli -- register import samples/records/register/rights.geojson \
        --control-numbers samples/records/register/control-numbers.csv --into samples/records/register.gpkg
"""
import json, math, os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'samples', 'records')


def box(w, s, e, n):
    return [[[w, s], [e, s], [e, n], [w, n], [w, s]]]


def feature(fid, name, rings, **props):
    p = {'id': fid, 'name': name, 'synthetic': True}
    p.update(props)
    return {'type': 'Feature', 'properties': p, 'geometry': {'type': 'Polygon', 'coordinates': rings}}


def collection(features):
    return {'type': 'FeatureCollection', 'features': features}


def write(path, text):
    path = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write(text)


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, indent=1) + '\n'


# ---- Zone layers -------------------------------------------------------------------------------------------------
zones = {
    'ecological-red-line': [
        feature('RL-0101', '伊金霍洛旗生态保护红线图斑（示例）', box(109.85, 39.45, 109.95, 39.52)),
        feature('RL-0102', '伊金霍洛旗东部生态保护红线图斑（示例）', box(110.38, 39.55, 110.45, 39.60)),
        feature('RL-0301', '克什克腾旗生态保护红线图斑（示例）', box(117.70, 43.40, 117.80, 43.48)),
    ],
    'nature-reserve': [
        feature('NR-0201', '伊金霍洛旗自然保护地（示例）', box(109.95, 39.45, 110.02, 39.52)),
    ],
    'yellow-river-control-line': [
        feature('YR-0001', '包头段沿黄生态管控区（示例）', box(109.50, 40.45, 110.50, 40.60)),
    ],
    'protection-area': [
        feature('PA-0701', '陈巴尔虎旗矿产资源保护区（示例）', box(119.20, 49.20, 119.60, 49.40)),
    ],
    'energy-base': [
        feature('EB-0001', '鄂尔多斯能源资源基地（示例）', box(109.30, 39.10, 110.30, 39.80)),
    ],
    # No national planned area is drawn in the synthetic records: an empty layer says none exists.
    'national-planned-area': [],
    'key-area': [
        feature('KA-0401', '固阳县重点勘查开采区（示例）', box(109.90, 40.90, 110.20, 41.10)),
        feature('KA-0501', '锡林浩特市重点勘查开采区（示例）', box(115.90, 43.80, 116.30, 44.10)),
    ],
    'sand-concentrated-area': [
        feature('SC-0301', '克什克腾旗砂石土集中开采区（示例）', box(117.40, 43.20, 117.60, 43.30)),
        feature('SC-0302', '翁牛特旗砂石土集中开采区（示例）', box(118.90, 42.90, 119.10, 43.00)),
    ],
}
for code, features in zones.items():
    write(f'zones/{code}.geojson', dump(collection(features)))

# ---- The register --------------------------------------------------------------------------------------------------
rights = []


def right(rid, kind, holder, mineral, county, deposit, block, valid_from, valid_to, rings):
    rights.append({'type': 'Feature', 'properties': {
        'id': rid, 'kind': kind, 'holder': holder, 'mineral': mineral, 'county': county, 'deposit': deposit,
        'block': block, 'validFrom': valid_from, 'validTo': valid_to, 'synthetic': True},
        'geometry': {'type': 'Polygon', 'coordinates': rings}})


# The rights the samples meet.
right('MR-150627-0003', 'mining', '伊金霍洛示例煤业有限公司', 'coal', '150627', 'D-150627-003', 'CK-150627-002',
      '2019-01-01', '2039-12-31', box(109.72, 39.30, 109.75, 39.32))
right('MR-150627-0004', 'mining', '已注销示例煤矿', 'coal', '150627', 'D-150627-003', 'CK-150627-002',
      '2008-01-01', '2023-12-31', box(109.75, 39.30, 109.77, 39.32))
right('EX-152502-0012', 'exploration', '锡林浩特示例地勘有限公司', 'copper', '152502', None, 'KC-152502-009',
      '2022-03-01', '2027-02-28', box(116.095, 43.945, 116.12, 43.96))
for i, (w, s) in enumerate([(117.41, 43.21), (117.43, 43.21), (117.45, 43.21), (117.47, 43.21)], start=1):
    right(f'MR-150425-S{i:02d}', 'mining', f'克什克腾示例砂石{i}号有限公司', 'sand-gravel', '150425', None, None,
          '2021-05-01', '2031-04-30', box(w, s, w + 0.01, s + 0.01))
right('MR-150425-S05', 'mining', '克什克腾示例砂石5号有限公司', 'sand-gravel', '150425', None, None,
      '2015-05-01', '2023-04-30', box(117.49, 43.21, 117.50, 43.22))  # expired before the samples' date
right('MR-150425-S06', 'mining', '克什克腾示例砂石6号有限公司', 'sand-gravel', '150425', None, None,
      '2025-01-01', '2035-12-31', box(117.51, 43.21, 117.52, 43.22))  # not yet valid on the samples' date
for i, (w, s) in enumerate([(118.92, 42.92), (118.95, 42.92)], start=1):
    right(f'MR-150426-S{i:02d}', 'mining', f'翁牛特示例砂石{i}号有限公司', 'sand-gravel', '150426', None, None,
          '2020-01-01', '2030-12-31', box(w, s, w + 0.01, s + 0.01))

# Further rights around the same places, so that the register is not only what the samples need (about 50 in all).
places = [('150627', 'coal', 109.35, 39.65, 'CK-150627'), ('150222', 'iron', 109.92, 41.05, 'KC-150222'),
          ('150425', 'fluorite', 117.62, 43.32, 'KC-150425'), ('152502', 'copper', 116.20, 44.02, 'KC-152502'),
          ('150725', 'gold', 119.25, 49.45, 'KC-150725')]
n = 0
for county, mineral, w0, s0, block in places:
    for k in range(8):
        n += 1
        w = round(w0 + 0.02 * (k % 4), 4)
        s = round(s0 + 0.02 * (k // 4), 4)
        kind = 'mining' if k % 2 == 0 else 'exploration'
        prefix = 'MR' if kind == 'mining' else 'EX'
        right(f'{prefix}-{county}-{100 + k}', kind, f'示例矿业{n}号有限公司', mineral, county,
              f'D-{county}-{100 + k}' if kind == 'mining' else None, f'{block}-{100 + k // 2}',
              f'{2016 + k}-01-01', f'{2030 + k}-12-31', box(w, s, round(w + 0.012, 4), round(s + 0.012, 4)))

write('register/rights.geojson', dump(collection(rights)))
write('register/control-numbers.csv', '\n'.join([
    'county,number,setBy,date',
    '150425,3,赤峰市,2021-06-01',
    '150425,5,赤峰市,2023-03-01',
    '150426,2,赤峰市,2023-03-01',
]) + '\n')


# ---- Gauss-Krüger (CGCS2000, 3-degree zones, false easting zone*1e6+500000) for the sample given as [X, Y] -------------
def gauss_kruger(lon, lat, zone):
    a, f = 6378137.0, 1 / 298.257222101
    e2 = f * (2 - f)
    ep2 = e2 / (1 - e2)
    phi, lam = math.radians(lat), math.radians(lon - 3 * zone)
    n = a / math.sqrt(1 - e2 * math.sin(phi) ** 2)
    t, c = math.tan(phi) ** 2, ep2 * math.cos(phi) ** 2
    aa = lam * math.cos(phi)
    e4, e6 = e2 * e2, e2 * e2 * e2
    m = a * ((1 - e2 / 4 - 3 * e4 / 64 - 5 * e6 / 256) * phi - (3 * e2 / 8 + 3 * e4 / 32 + 45 * e6 / 1024) * math.sin(2 * phi)
             + (15 * e4 / 256 + 45 * e6 / 1024) * math.sin(4 * phi) - (35 * e6 / 3072) * math.sin(6 * phi))
    x = m + n * math.tan(phi) * (aa ** 2 / 2 + (5 - t + 9 * c + 4 * c * c) * aa ** 4 / 24
                                 + (61 - 58 * t + t * t + 600 * c - 330 * ep2) * aa ** 6 / 720)
    y = n * (aa + (1 - t + c) * aa ** 3 / 6 + (5 - 18 * t + t * t + 72 * c - 58 * ep2) * aa ** 5 / 120)
    return round(x, 2), round(zone * 1_000_000 + 500_000 + y, 2)


def flow(points):
    return '[' + ', '.join('[' + ', '.join(repr(v) for v in p) + ']' for p in points) + ']'


# ---- Sample applications ---------------------------------------------------------------------------------------------
COAL = """mineral: coal
miningMethod: underground
includesProcessing: false
capacity: {value: 400, unit: 万吨/年}
scale: large
depositScale: large
explorationStage: exploration
"""
COAL_TAIL = """grant: {method: listing, stateCouncilKeyProject: false}
developmentPlanReviewed: true
applicantStatus: {abnormalList: false, seriousViolationList: false}
environment: {highEnergyHighPollution: false, greenMineStandard: true, restorationPlanFiled: true}
coal: {rank: long-flame, germaniumBearing: false, highAlumina: false, toxicSubstancesExceedStandard: false}
associatedMinerals: {industrialValue: false}
"""
SAND = """mineral: sand-gravel
miningMethod: open-pit
includesProcessing: false
capacity: {value: 50, unit: 万吨/年}
scale: medium
depositScale: medium
explorationStage: general
"""
SAND_TAIL = """grant: {method: auction, stateCouncilKeyProject: false}
developmentPlanReviewed: true
applicantStatus: {abnormalList: false, seriousViolationList: false}
environment: {highEnergyHighPollution: false, greenMineStandard: true, restorationPlanFiled: true}
associatedMinerals: {industrialValue: false}
"""
EXPLORATION_TAIL = """grant: {method: listing, stateCouncilKeyProject: false}
fiscallyFunded: false
applicantStatus: {abnormalList: false, seriousViolationList: false}
environment: {greenExplorationPlan: true}
"""
EXPECT = {
    'non-compliant': lambda fail: f'  decision: non-compliant\n  fail: ["{fail}"]\n  review: []\n',
    'needs-review': lambda review: f'  decision: needs-review\n  fail: []\n  review: ["{review}"]\n',
    'compliant': lambda _: '  decision: compliant\n  fail: []\n  review: []\n',
}


def application(name, header, app_id, permit, applicant, facts, league, county, zones, crs, ring, block, tail,
                deposit=None, extra='', decision='compliant', clause=None):
    """One sample: the head, the mineral's facts, the location with its boundary, block, deposit, the rest, expect."""
    text = ('# yaml-language-server: $schema=../../../schemas/application.schema.json\n'
            f'# {header}\n'
            f'id: {app_id}\npermit: {permit}\naction: new\napplicationDate: 2024-05-01\napplicant: {applicant}\n'
            + facts
            + f'location:\n  league: {league}\n  county: {county}\n  zones: [{", ".join(zones)}]\n'
            + f'  boundary:\n    crs: {crs}\n    rings: [{flow(ring)}]\n'
            + f'block: {{{block}}}\n'
            + (f'deposit: {{id: {deposit}, otherMiningRights: 0}}\n' if deposit else '')
            + extra + tail + 'expect:\n' + EXPECT[decision](clause))
    write(f'applications/{name}', text)


def coal(name, header, app_id, applicant, zones, ring, block, deposit, decision, clause):
    application(name, header, app_id, 'mining', applicant, COAL, '鄂尔多斯市', '伊金霍洛旗', zones, 'EPSG:4490', ring,
                f'inPlanningBlock: true, code: {block}, basicUnits: 4, otherHolders: 0', COAL_TAIL, deposit=deposit,
                decision=decision, clause=clause)


def sand(name, header, app_id, county, ring, block, deposit, extra, decision, clause):
    application(name, header, app_id, 'mining', '示例砂石有限公司', SAND, '赤峰市', county, ['sand-concentrated-area'],
                'EPSG:4490', ring, f'inPlanningBlock: true, code: {block}, basicUnits: 1, otherHolders: 0', SAND_TAIL,
                deposit=deposit, extra=extra, decision=decision, clause=clause)


coal('red-line-by-geometry.declares-none.fail.yaml',
     'Synthetic. The site lies in red-line feature RL-0102 by its boundary, but the application declares zones: [].',
     'RECORDS-red-line-by-geometry', '示例煤业有限公司', [], box(110.40, 39.56, 110.42, 39.57)[0], 'CK-150627-020',
     'D-150627-020', 'non-compliant', '3.1')
coal('straddles-red-line-and-reserve.fail.yaml',
     'Synthetic. The site straddles red-line feature RL-0101 and nature reserve NR-0201, inside energy base EB-0001.',
     'RECORDS-straddles-two-zones', '示例煤业有限公司', ['energy-base', 'ecological-red-line', 'nature-reserve'],
     box(109.94, 39.48, 109.96, 39.49)[0], 'CK-150627-021', 'D-150627-021', 'non-compliant', '3.1')
coal('occupied-deposit.fail.yaml',
     'Synthetic. Deposit D-150627-003 already has the valid mining right MR-150627-0003 of another holder (一矿多开); '
     'the application declares none.',
     'RECORDS-occupied-deposit', '示例新煤业有限公司', ['energy-base'], box(109.70, 39.30, 109.72, 39.31)[0],
     'CK-150627-030', 'D-150627-003', 'non-compliant', '5.2.1')
coal('declares-red-line-layers-show-none.review.yaml',
     'Synthetic. The application declares the red line, but its boundary lies outside every red-line feature: '
     'review under 3.1, naming both.',
     'RECORDS-declared-zone-disagrees', '示例煤业有限公司', ['energy-base', 'ecological-red-line'],
     box(109.60, 39.60, 109.62, 39.61)[0], 'CK-150627-040', 'D-150627-040', 'needs-review', '3.1')
sand('sand-gravel.last-free-slot.pass.yaml',
     'Synthetic. 克什克腾旗 has 4 valid sand/gravel mining rights and a control number of 5 (set 2023-03-01): this is the last free slot.',
     'RECORDS-sand-gravel-last-slot', '克什克腾旗', box(117.55, 43.25, 117.56, 43.26)[0], 'CK-150425-001',
     'D-150425-050', '', 'compliant', None)
sand('sand-gravel.county-full.fail.yaml',
     'Synthetic. 翁牛特旗 has 2 valid sand/gravel mining rights and a control number of 2: no slot is left, whatever the '
     'application declares.',
     'RECORDS-sand-gravel-county-full', '翁牛特旗', box(119.00, 42.95, 119.01, 42.96)[0], 'CK-150426-001',
     'D-150426-050', 'sandGravel: {countyRights: 0, countyControlNumber: 10}\n', 'non-compliant', '5.2.2')

gk = [gauss_kruger(lon, lat, 37) for lon, lat in box(110.04, 41.01, 110.06, 41.02)[0]]
gk[-1] = gk[0]
application('gauss-kruger-boundary.pass.yaml',
            'Synthetic. An exploration site in 固阳县 given as 拐点坐标 in CGCS2000 3-degree Gauss-Krüger zone 37 '
            '(EPSG:4525, [X, Y], Y with the zone number in front); it lies in key area KA-0401.',
            'RECORDS-gauss-kruger', 'exploration', '示例地质勘查有限公司', 'mineral: iron\n', '包头市', '固阳县',
            ['key-area'], 'EPSG:4525', gk, 'inPlanningBlock: true, code: KC-150222-050, basicUnits: 2, otherHolders: 0',
            EXPLORATION_TAIL)
application('exploration.overlaps-other-holder.review.yaml',
            'Synthetic. A new exploration site in 锡林浩特市 overlapping the valid exploration right EX-152502-0012 of '
            'another holder (registered in another block): a second holder in the block, for a person to confirm.',
            'RECORDS-exploration-overlap', 'exploration', '示例地质勘查有限公司', 'mineral: copper\n', '锡林郭勒盟',
            '锡林浩特市', ['key-area'], 'EPSG:4490', box(116.10, 43.95, 116.13, 43.97)[0],
            'inPlanningBlock: true, code: KC-152502-020, basicUnits: 2, otherHolders: 0', EXPLORATION_TAIL,
            decision='needs-review', clause='4.3.1')
