namespace MineralRules.Diagnostics;

/// <summary>The stable diagnostic codes. MR1xxx: documents; MR2xxx: applications; MR3xxx: rule sets; MR4xxx: expressions; MR5xxx: records (zone layers MR50xx, the rights register MR51xx).</summary>
internal static class DiagnosticCodes
{
    // Documents (YAML / JSON), whatever they hold.
    public const string FileNotFound = "MR1001";
    public const string Syntax = "MR1002";
    public const string TabIndentation = "MR1003";
    public const string DuplicateKey = "MR1004";
    public const string UnknownKey = "MR1005";
    public const string MissingKey = "MR1006";
    public const string WrongType = "MR1007";
    public const string UnknownValue = "MR1008";
    public const string BadDate = "MR1009";
    public const string UnknownUnit = "MR1010";
    public const string EmptyDocument = "MR1011";
    public const string Unreadable = "MR1012";

    // Applications.
    public const string InvalidApplication = "MR2001";
    public const string NoRuleSetInForce = "MR2002";
    public const string UnknownRuleSetVersion = "MR2003";

    // Rule sets.
    public const string ManifestMissing = "MR3001";
    public const string ManifestInvalid = "MR3002";
    public const string DuplicateRuleId = "MR3003";
    public const string UnknownField = "MR3004";
    public const string FieldTypeMismatch = "MR3005";
    public const string UnitMismatch = "MR3006";
    public const string UnknownList = "MR3007";
    public const string InvalidClauseRef = "MR3008";
    public const string InvalidRule = "MR3009";
    public const string UnknownPlaceholder = "MR3010";
    public const string OverlappingVersions = "MR3011";
    public const string DuplicateVersion = "MR3012";
    public const string NoRuleSets = "MR3013";
    public const string DuplicateList = "MR3014";
    public const string QuoteNotInPlan = "MR3015";
    public const string SealMismatch = "MR3020";
    public const string ChangedWhileRead = "MR3021";
    public const string Draft = "MR3022";
    public const string LoadFailed = "MR3023";
    public const string VersionGap = "MR3024";
    public const string FullWidthPunctuation = "MR3025";

    // Expressions.
    public const string ExpressionSyntax = "MR4001";
    public const string ExpressionNotAllowed = "MR4002";
    public const string ExpressionType = "MR4003";

    // Records: zone layers.
    public const string ZoneLayersNotFound = "MR5001";
    public const string UnknownZoneLayer = "MR5002";
    public const string ZoneLayerFormat = "MR5003";
    public const string ZoneFeatureId = "MR5004";
    public const string ZoneFeatureGeometry = "MR5005";

    // The rights register (docs/records.md).
    public const string RegisterUnreadable = "MR5101";
    public const string RegisterUnreachable = "MR5102";
    public const string RightInvalid = "MR5103";
    public const string DuplicateRecord = "MR5104";
    public const string RightGeometry = "MR5105";
    public const string ControlNumbersInvalid = "MR5106";
    public const string RegisterNotWritten = "MR5107";
}
