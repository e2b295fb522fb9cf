
namespace MineralRules.Reference;

/// <summary>One league/city (盟市) or banner/county (旗县区) of Inner Mongolia, GB/T 2260 (民政部 201904).</summary>
internal sealed record Division(string Code, string Name)
{
    /// <summary>True for the 12 leagues and cities (codes 15xx00 other than the region itself).</summary>
    public bool IsLeague => Code.EndsWith("00", StringComparison.Ordinal) && Code != AdministrativeDivisions.RegionCode;

    /// <summary>The league a county belongs to (its own code for a league).</summary>
    public string LeagueCode => string.Concat(Code.AsSpan(0, 4), "00");
}

/// <summary>The divisions table shipped with the library, read once from the embedded TSV.</summary>
internal sealed class AdministrativeDivisions
{
    public const string RegionCode = "150000";

    private readonly Dictionary<string, Division> _byCode;
    private readonly Dictionary<string, Division[]> _byName;

    private AdministrativeDivisions(IEnumerable<Division> divisions)
    {
        var list = divisions.ToList();
        _byCode = list.ToDictionary(d => d.Code, StringComparer.Ordinal);
        _byName = list.GroupBy(d => d.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        Leagues = [.. list.Where(d => d.IsLeague)];
    }

    /// <summary>The table of GB/T 2260 revision 201904.</summary>
    public static AdministrativeDivisions Default { get; } = Load();

    public IReadOnlyList<Division> Leagues { get; }

    public Division? ByCode(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>Finds divisions by code or by name (with or without the 市/盟/旗/县/区 suffix).</summary>
    public IReadOnlyList<Division> Find(string codeOrName)
    {
        var text = codeOrName.Trim();
        if (_byCode.TryGetValue(text, out var byCode))
        {
            return [byCode];
        }

        if (_byName.TryGetValue(text, out var byName))
        {
            return byName;
        }

        foreach (var suffix in new[] { "市", "盟", "旗", "县", "区" })
        {
            if (_byName.TryGetValue(text + suffix, out var withSuffix))
            {
                return withSuffix;
            }
        }

        return [];
    }

    /// <summary>Why a county cannot be given with a league it does not belong to (one message for every way in).</summary>
    public string NotInLeague(Division county, Division league) =>
        $"'{county.Name}' ({county.Code}) is not in {league.Name} ({league.Code}); it belongs to {Name(county.LeagueCode)}.";

    public string NotInLeagueZh(Division county, Division league) =>
        $"'{county.Name}'（{county.Code}）不属于{league.Name}（{league.Code}），而属于{Name(county.LeagueCode)}。";

    public string Name(string code) => _byCode.TryGetValue(code, out var d) ? d.Name : code;

    private static AdministrativeDivisions Load()
    {
        using var stream = typeof(AdministrativeDivisions).Assembly.GetManifestResourceStream("reference/inner-mongolia-divisions-gb2260-201904.tsv")
            ?? throw new InvalidOperationException("The divisions table is not embedded in the library.");
        using var reader = new StreamReader(stream);
        var divisions = new List<Division>();
        reader.ReadLine(); // header: code, name
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('\t');
            if (parts.Length >= 2 && parts[0].Length == 6)
            {
                divisions.Add(new Division(parts[0], parts[1].Trim()));
            }
        }

        return new AdministrativeDivisions(divisions);
    }
}
