namespace MineralRules.Rulebook;

/// <summary>The rulebook's one small style sheet (<c>rulebook.css</c>): system fonts only, no external resources.</summary>
internal static class Styles
{
    public const string Path = "rulebook.css";

    public const string Css = """
        :root { --ink: #1d2327; --muted: #5b6670; --line: #d6dadf; --accent: #0b5cab; --fail: #a4262c; --review: #8a5a00; --pass: #1e7b34; --bg: #fbfbfc; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: var(--bg); font: 16px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; }
        header.site { background: #0d2a45; color: #fff; padding: .6rem 1.2rem; display: flex; flex-wrap: wrap; gap: 1rem; align-items: baseline; }
        header.site a { color: #fff; text-decoration: none; }
        header.site .home { font-weight: 700; font-size: 1.1rem; }
        header.site nav a { margin-right: 1rem; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
        footer.site { color: var(--muted); font-size: .85rem; text-align: center; padding: 1rem; border-top: 1px solid var(--line); }
        h1 { font-size: 1.6rem; margin: .6rem 0; }
        h2 { font-size: 1.3rem; margin: 1.6rem 0 .6rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
        h3 { font-size: 1.05rem; margin: 1rem 0 .4rem; }
        h4 { font-size: 1rem; margin: .4rem 0; }
        a { color: var(--accent); }
        span.en, .en { color: var(--muted); }
        .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2rem; }
        .pair > div.en { color: var(--ink); border-left: 3px solid var(--line); padding-left: .8rem; }
        @media (max-width: 48rem) { .pair { grid-template-columns: 1fr; } }
        section.clause { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .4rem 1rem 1rem; margin: 1.2rem 0; }
        section.clause > h2 { border: 0; margin-top: .6rem; }
        .plan-text p { margin: .3rem 0; }
        article.rule { border-top: 1px dashed var(--line); padding-top: .6rem; margin-top: .8rem; }
        dl { margin: .3rem 0; }
        dt { font-weight: 600; margin-top: .4rem; }
        dd { margin: 0 0 .2rem 0; }
        .badge { display: inline-block; font-size: .8rem; padding: 0 .5rem; border-radius: 1rem; border: 1px solid currentColor; margin-left: .4rem; }
        .outcome-fail { color: var(--fail); }
        .outcome-review { color: var(--review); }
        .outcome-pass { color: var(--pass); }
        .outcome-note, .status-informational, .status-not-checkable { color: var(--muted); }
        .status-checkable { color: var(--pass); }
        .samples ul { margin: .2rem 0 .6rem; padding-left: 1.2rem; }
        .samples li { font-family: ui-monospace, monospace; font-size: .85rem; }
        table { border-collapse: collapse; width: 100%; margin: .6rem 0; background: #fff; }
        th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
        th { background: #eef1f4; }
        code { font-family: ui-monospace, monospace; font-size: .9em; }
        form.search input[type=search] { width: min(30rem, 80%); padding: .3rem; font-size: 1rem; }
        .muted { color: var(--muted); }
        """;
}
