using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MineralRules;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers MineralRules with Microsoft.Extensions.DependencyInjection.</summary>
public static class MineralRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="RuleSetHost"/> (load, compile and reloads logged through <see cref="ILogger"/>),
    /// the <see cref="RuleSetCatalog"/> it serves now, and <see cref="MineralRulesOptions"/> through the options
    /// pattern: <c>IOptions&lt;MineralRulesOptions&gt;</c> is the configured value (<paramref name="configure"/>, and any
    /// <c>Configure&lt;MineralRulesOptions&gt;</c> or configuration binding the host adds), and the host is built from
    /// it; <see cref="MineralRulesOptions"/> itself resolves to that same value. The rules load when the host is first
    /// resolved; rules that do not load throw <see cref="RuleSetLoadException"/> listing every error, after logging them.
    /// Also registers <see cref="MineralRecords"/>: the zone layers and register the options name
    /// (<see cref="MineralRulesOptions.ZoneLayers"/>, <see cref="MineralRulesOptions.Register"/>), whose
    /// <see cref="MineralRecords.GatherAsync"/> gives the facts to evaluate an application with (docs/records.md).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the rules folder, file size cap and culture; without it, the embedded rules and English.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddMineralRules(this IServiceCollection services, Action<MineralRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<MineralRulesOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<MineralRulesOptions>>().Value);
        services.TryAddSingleton(provider =>
        {
            var logger = (ILogger?)provider.GetService<ILogger<RuleSetHost>>() ?? NullLogger.Instance;
            return new RuleSetHost(Load(provider.GetRequiredService<IOptions<MineralRulesOptions>>().Value, logger), logger);
        });
        services.TryAddTransient(provider => provider.GetRequiredService<RuleSetHost>().Current);

        // The records the options name (zone layers, the rights register), opened once when first resolved and
        // disposed with the container; MineralRecords.None when they name none. Records that do not open throw
        // RecordsException: a host never runs on declared facts in place of the records it configured.
        services.TryAddSingleton(provider => MineralRecords.Open(provider.GetRequiredService<IOptions<MineralRulesOptions>>().Value));
        return services;
    }

    private static RuleSetCatalog Load(MineralRulesOptions options, ILogger logger)
    {
        var started = Stopwatch.GetTimestamp();
        var source = options.RulesFolder ?? "embedded";
        var result = options.RulesFolder is null ? RuleSetCatalog.TryLoadEmbedded() : RuleSetCatalog.TryLoadFromFolder(options.RulesFolder, options.MaxFileSize);
        if (result.Catalog is not { } catalog)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                HostLog.Diagnostic(logger, diagnostic.ToString());
            }

            HostLog.LoadFailed(logger, source, result.Diagnostics.Count);
            throw new RuleSetLoadException(result.Diagnostics);
        }

        HostLog.Loaded(logger, source, string.Join(", ", catalog.RuleSets.Select(r => $"{r.Info.Id} {r.Info.Version}")), catalog.RuleSets.Sum(r => r.RuleIds.Count), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return catalog;
    }
}
