namespace MineralRules.Tooling;

/// <summary>A sample application for <see cref="RuleSetCoverage"/> and <see cref="RuleSetChanges"/>, named by its source.</summary>
/// <param name="Source">How reports name it, e.g. its path relative to the samples folder.</param>
/// <param name="Application">The application.</param>
public sealed record Sample(string Source, Application Application);
