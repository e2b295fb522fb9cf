using System.Collections.Frozen;
using System.Reflection;
using System.Runtime.CompilerServices;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.Reference;
using MineralRules.Units;

namespace MineralRules.Applications;

/// <summary>
/// Strict mapping of a document onto <see cref="Application"/>: the keys are the records' property names in
/// camelCase, so the contract, the C# model and the rule fields can never drift apart. Unknown keys, wrong
/// types, unknown words and units are located diagnostics; every one is reported, not only the first.
/// </summary>
internal sealed class ApplicationMapper
{
    // The keys the mapper reads itself (a capacity's parts; the location's names it resolves), named by the model as every key is.
    private static readonly string ValueKey = FieldNames.ToKey(nameof(Capacity.Value));
    private static readonly string UnitKey = FieldNames.ToKey(nameof(Capacity.Unit));
    private static readonly string LeagueKey = FieldNames.ToKey(nameof(Location.League));
    private static readonly string CountyKey = FieldNames.ToKey(nameof(Location.County));

    private readonly string _path;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

    public ApplicationMapper(string path, DiagnosticBag diagnostics)
    {
        _path = path;
        _diagnostics = diagnostics;
    }

    // The one key a document may hold that is not the application's: a sample's expect block, read into Expect.
    private const string ExpectKey = "expect";
    private static readonly IReadOnlyList<string> DocumentKeys = [.. TypeShape.Of(typeof(Application)).Keys, ExpectKey];

    /// <summary>The document's <c>expect</c> block (sample metadata, not the application's); null when it has none.</summary>
    public Expectation? Expect { get; private set; }

    /// <summary>Field paths that already have a reading error (validation does not report them again).</summary>
    public IReadOnlySet<string> FailedPaths => _failed;

    public SourceMap Positions => new(_path, _locations);

    public Application? Map(DocumentNode root)
    {
        _locations[string.Empty] = root.Location;
        if (root is not MappingNode mapping)
        {
            Error(root, string.Empty, DiagnosticCodes.WrongType, $"An application must be a mapping of keys (id, permit, ...), found {root.Describe()}.", $"申请必须是由键（id、permit 等）组成的映射，实际为{Wording.After(root.DescribeZh())}。");
            return null;
        }

        return (Application?)MapObject(typeof(Application), mapping, string.Empty);
    }

    /// <summary>
    /// Maps one value of the contract on its own (a word, a capacity, a date) with the messages and codes it gets
    /// inside an application; <paramref name="path"/> names it in them.
    /// </summary>
    public object? MapValueAt(Type type, DocumentNode node, string path) => MapValue(type, node, path);

    /// <summary>The document keys of an application record type and the properties they set, in declaration order.</summary>
    public static IReadOnlyList<(string Key, PropertyInfo Property)> KeysOf(Type type) =>
        [.. TypeShape.Of(type).Properties.Select(p => (p.Key, p.Info))];

    private object? MapObject(Type type, MappingNode node, string path)
    {
        var shape = TypeShape.Of(type);
        var instance = Activator.CreateInstance(type)!;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var keys = type == typeof(Application) ? DocumentKeys : shape.Keys;
        foreach (var (key, value) in node.Entries)
        {
            var property = shape.Find(key.Value);
            var fieldPath = Join(path, key.Value);
            if (property is null && type == typeof(Application) && key.Value == ExpectKey)
            {
                _locations[fieldPath] = value.Location;
                Expect = value is ScalarNode { IsNull: true } ? null : (Expectation?)MapValue(typeof(Expectation), value, fieldPath);
                continue;
            }

            if (property is null)
            {
                Error(key, fieldPath, DiagnosticCodes.UnknownKey, $"Unknown key '{DocumentText.Shown(key.Value)}'{Where(path)}.{Suggestions.DidYouMean(key.Value, keys)} Allowed: {string.Join(", ", keys)}.",
                    $"{Wording.Before(WhereZh(path))}有未知的键 '{DocumentText.Shown(key.Value)}'。{Suggestions.DidYouMeanZh(key.Value, keys)}允许的键：{string.Join(", ", keys)}。");
                continue;
            }

            _locations[fieldPath] = value.Location;
            if (value is ScalarNode { IsNull: true })
            {
                if (property.Required)
                {
                    // A required key written with no value ("mineral:") is not a default: it is invalid input.
                    seen.Add(property.Key);
                    Error(value, fieldPath, DiagnosticCodes.MissingKey, $"'{property.Key}' is required{Where(path)} but has no value; write its value after the colon.",
                        $"{Wording.Before(WhereZh(path))}必须填写{Wording.Field(Join(path, property.Key))}，但它没有值；请在冒号后写出它的值。");
                }

                continue; // an explicit null of an optional fact is the same as an absent fact
            }

            seen.Add(property.Key);

            var mapped = MapValue(property.Type, value, fieldPath);
            if (mapped is not null)
            {
                property.Info.SetValue(instance, mapped);
            }
        }

        foreach (var property in shape.Properties.Where(p => p.Required && !seen.Contains(p.Key)))
        {
            Error(node, Join(path, property.Key), DiagnosticCodes.MissingKey, $"'{property.Key}' is required{Where(path)}.", $"{Wording.Before(WhereZh(path))}必须填写{Wording.Field(Join(path, property.Key))}。");
        }

        return type == typeof(Location) ? ResolveLocation((Location)instance, path) : instance;
    }

    private object? MapValue(Type declared, DocumentNode node, string path)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        var bag = new DiagnosticBag();
        object? result;
        if (type == typeof(string))
        {
            result = Scalars.String(node, bag, $"'{path}'");
        }
        else if (type == typeof(bool))
        {
            result = Scalars.Boolean(node, bag, $"'{path}'");
        }
        else if (type == typeof(int))
        {
            result = Scalars.Integer(node, bag, $"'{path}'");
        }
        else if (type == typeof(decimal))
        {
            result = Scalars.Decimal(node, bag, $"'{path}'");
        }
        else if (type == typeof(DateOnly))
        {
            result = Scalars.Date(node, bag, $"'{path}'");
        }
        else if (type == typeof(Capacity))
        {
            result = MapCapacity(node, path, bag);
        }
        else if (type.IsEnum && Vocabularies.Has(type))
        {
            result = MapWord(Vocabularies.Of(type), node, path, bag);
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            result = MapList(type.GetGenericArguments()[0], node, path, bag);
        }
        else if (node is MappingNode mapping)
        {
            result = MapObject(type, mapping, path);
        }
        else
        {
            bag.Add(node.Location, DiagnosticCodes.WrongType, $"Expected '{path}' as a mapping of keys and values, found {node.Describe()}.", $"{Wording.Before(Wording.Field(path))}应为由键和值组成的映射，实际为{Wording.After(node.DescribeZh())}。");
            result = null;
        }

        if (bag.HasErrors)
        {
            _failed.Add(path);
            _diagnostics.AddRange(bag.ToSortedList());
        }

        return result;
    }

    private static object? MapWord(IVocabulary vocabulary, DocumentNode node, string path, DiagnosticBag bag)
    {
        if (Scalars.String(node, bag, $"'{path}'") is not { } word)
        {
            return null;
        }

        if (vocabulary.TryParse(word, out var value))
        {
            return value;
        }

        var words = vocabulary.Codes.ToList();
        var code = vocabulary.EnumType == typeof(MassUnit) ? DiagnosticCodes.UnknownUnit : DiagnosticCodes.UnknownValue;
        var allowed = words.Count <= 12 ? $" Allowed: {string.Join(", ", words)}." : " See the codes in docs/application.md (Chinese names are accepted too).";
        var allowedZh = words.Count <= 12 ? $"可用的值：{string.Join(", ", words)}。" : "可用的代码见 docs/application.md（也可以写中文名称）。";
        bag.Add(
            node.Location,
            code,
            $"Unknown value '{DocumentText.Shown(word)}' for '{path}'.{Suggestions.DidYouMean(word, words)}{allowed}",
            $"{Wording.Before(Wording.Field(path))}的值 '{DocumentText.Shown(word)}' 无法识别。{Suggestions.DidYouMeanZh(word, words)}{allowedZh}");
        return null;
    }

    private object? MapList(Type element, DocumentNode node, string path, DiagnosticBag bag)
    {
        if (Scalars.Sequence(node, bag, $"'{path}'") is not { } items)
        {
            return null;
        }

        var array = Array.CreateInstance(element, items.Count);
        var ok = true;
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            _locations[itemPath] = items[i].Location;
            var value = MapValue(element, items[i], itemPath);
            if (value is null)
            {
                ok = false;
                continue;
            }

            array.SetValue(value, i);
        }

        return ok ? array : null;
    }

    private Capacity? MapCapacity(DocumentNode node, string path, DiagnosticBag bag)
    {
        if (Scalars.Mapping(node, bag, $"'{path}' ({{ value: 300, unit: 万吨/年 }})") is not { } mapping)
        {
            return null;
        }

        var reader = new MappingReader(mapping, bag);
        var valueNode = reader.Required(ValueKey, $"the number of '{path}'");
        var unitNode = reader.Required(UnitKey, $"the unit of '{path}' ({string.Join(", ", UnitConversions.CapacitySymbols)})");
        reader.Finish($"'{path}'");
        var value = valueNode is null ? null : Scalars.Decimal(valueNode, bag, $"'{Join(path, ValueKey)}'");
        if (valueNode is not null)
        {
            _locations[Join(path, ValueKey)] = valueNode.Location;
        }

        CapacityUnit? unit = null;
        if (unitNode is not null && Scalars.String(unitNode, bag, $"'{Join(path, UnitKey)}'") is { } symbol)
        {
            _locations[Join(path, UnitKey)] = unitNode.Location;
            if (UnitConversions.TryParseCapacityUnit(symbol, out var parsed))
            {
                unit = parsed;
            }
            else
            {
                bag.Add(
                    unitNode.Location,
                    DiagnosticCodes.UnknownUnit,
                    $"Unknown unit '{DocumentText.Shown(symbol)}' for '{path}'.{Suggestions.DidYouMean(symbol, UnitConversions.CapacitySymbols)} Allowed: {string.Join(", ", UnitConversions.CapacitySymbols)}.",
                    $"{Wording.Before(Wording.Field(path))}的单位 '{DocumentText.Shown(symbol)}' 无法识别。{Suggestions.DidYouMeanZh(symbol, UnitConversions.CapacitySymbols)}可用的单位：{string.Join(", ", UnitConversions.CapacitySymbols)}。");
            }
        }

        return value is { } v && unit is { } u ? new Capacity(v, u) : null;
    }

    /// <summary>Turns league and county names into GB/T 2260 codes and checks that they belong together.</summary>
    private Location ResolveLocation(Location location, string path)
    {
        var divisions = AdministrativeDivisions.Default;
        Division? league = null;
        Division? county = null;
        if (location.League is { } leagueText)
        {
            var found = divisions.Find(leagueText).Where(d => d.IsLeague).ToList();
            if (found.Count == 1)
            {
                league = found[0];
            }
            else
            {
                ErrorAt(Join(path, LeagueKey), DiagnosticCodes.UnknownValue, $"Unknown league or city '{DocumentText.Shown(leagueText)}'.{Suggestions.DidYouMean(leagueText, divisions.Leagues.Select(l => l.Name))} Use one of the 12 names (e.g. 鄂尔多斯市) or its GB/T 2260 code (e.g. 150600).",
                    $"未知的盟市 '{DocumentText.Shown(leagueText)}'。{Suggestions.DidYouMeanZh(leagueText, divisions.Leagues.Select(l => l.Name))}请使用 12 个盟市名称之一（如鄂尔多斯市）或其 GB/T 2260 代码（如 150600）。");
            }
        }

        if (location.County is { } countyText)
        {
            var found = divisions.Find(countyText).Where(d => !d.IsLeague && d.Code != AdministrativeDivisions.RegionCode).ToList();
            if (league is not null && found.Count > 1)
            {
                found = [.. found.Where(d => d.LeagueCode == league.Code)];
            }

            if (found.Count == 1)
            {
                county = found[0];
                if (league is not null && county.LeagueCode != league.Code)
                {
                    ErrorAt(Join(path, CountyKey), DiagnosticCodes.UnknownValue, divisions.NotInLeague(county, league), divisions.NotInLeagueZh(county, league));
                }
            }
            else if (found.Count > 1)
            {
                ErrorAt(Join(path, CountyKey), DiagnosticCodes.UnknownValue, $"'{countyText}' names more than one banner or county; give its GB/T 2260 code or the league.", $"'{countyText}' 对应不止一个旗县区；请填写其 GB/T 2260 代码或所属盟市。");
            }
            else
            {
                ErrorAt(Join(path, CountyKey), DiagnosticCodes.UnknownValue, $"Unknown banner or county '{countyText}'. Use its name (e.g. 伊金霍洛旗) or GB/T 2260 code (e.g. 150627).", $"未知的旗县区 '{countyText}'。请使用其名称（如伊金霍洛旗）或 GB/T 2260 代码（如 150627）。");
            }
        }

        // A county names its league; fill it in so league-scoped rules see it.
        var leagueCode = league?.Code ?? (county is not null ? county.LeagueCode : null);
        return location with { League = leagueCode, County = county?.Code };
    }

    private void Error(DocumentNode node, string path, string code, string message, string messageZh)
    {
        _failed.Add(path);
        _diagnostics.Add(node.Location, code, message, messageZh);
    }

    private void ErrorAt(string path, string code, string message, string messageZh)
    {
        _failed.Add(path);
        _diagnostics.Add(_locations.GetValueOrDefault(path) ?? SourceLocation.File(_path), code, message, messageZh);
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Where(string path) => path.Length == 0 ? " in the application" : $" in '{path}'";

    private static string WhereZh(string path) => path.Length == 0 ? "申请中" : $"{Wording.Before(Wording.Field(path))}中";

    /// <summary>The settable properties of an application record, keyed by their camelCase document key.</summary>
    private sealed class TypeShape
    {
        private static readonly FrozenDictionary<Type, TypeShape> Shapes = BuildAll();

        private TypeShape(Type type)
        {
            Properties =
            [
                .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.CanWrite)
                    .Select(p => new PropertyShape(
                        FieldNames.ToKey(p.Name),
                        p,
                        p.PropertyType,
                        p.GetCustomAttribute<RequiredMemberAttribute>() is not null)),
            ];
            Keys = [.. Properties.Select(p => p.Key)];
        }

        public IReadOnlyList<PropertyShape> Properties { get; }

        public IReadOnlyList<string> Keys { get; }

        public static TypeShape Of(Type type) => Shapes[type];

        public PropertyShape? Find(string key) => Properties.FirstOrDefault(p => p.Key == key);

        private static FrozenDictionary<Type, TypeShape> BuildAll()
        {
            var shapes = new Dictionary<Type, TypeShape>();
            var pending = new Queue<Type>([typeof(Application), typeof(Expectation)]);
            while (pending.TryDequeue(out var type))
            {
                if (shapes.ContainsKey(type))
                {
                    continue;
                }

                var shape = new TypeShape(type);
                shapes[type] = shape;
                foreach (var property in shape.Properties)
                {
                    var t = Nullable.GetUnderlyingType(property.Type) ?? property.Type;
                    if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
                    {
                        t = t.GetGenericArguments()[0];
                    }

                    if (t.IsClass && t != typeof(string) && t != typeof(Capacity) && t.Namespace == typeof(Application).Namespace)
                    {
                        pending.Enqueue(t);
                    }
                }
            }

            return shapes.ToFrozenDictionary();
        }
    }

    private sealed record PropertyShape(string Key, PropertyInfo Info, Type Type, bool Required);
}
