using AlphaTrade.Configuration;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Time;
using AlphaTrade.Core.Universe;
using AlphaTrade.Features;
using AlphaTrade.Features.Alternative;
using AlphaTrade.Features.Definition;
using AlphaTrade.Models.Registry;
using AlphaTrade.Strategies.Framework;
using AlphaTrade.Strategies.Library;
using AlphaTrade.Strategies.Ml;

namespace AlphaTrade.Cli.Backtesting;

/// <summary>
/// Puts the ML strategy (src/AlphaTrade.Strategies.Ml) in the strategy catalog and builds its host with the model
/// registry (models/) and feature sets (config/features/) of the repository root.
/// </summary>
internal static class MlStrategySupport
{
    private static readonly Lock Gate = new();

    /// <summary>Registers type <c>ml</c> once per process (its catalog factory resolves paths against the current folder).</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (StrategyRegistry.Find(MlStrategy.TypeName) is null)
            {
                StrategyRegistry.Register(new StrategyType(MlStrategy.TypeName,
                    "ML: a registered model on the feature pipeline's live features; probability bands or return thresholds, top/bottom-k, regime gating, confidence sizing",
                    MlStrategy.Parameters, () => new MlStrategy(Source(Directory.GetCurrentDirectory()))));
            }
        }
    }

    /// <summary>Models from ROOT/models, feature sets from ROOT/config/features with their alternative data.</summary>
    public static RegistryModelSource Source(string root) => new(new ModelRegistry(Path.Combine(root, "models")), name =>
    {
        var definition = FeatureSetYaml.LoadNamed(root, name);
        return FeaturePlan.Compile(definition, AltDataLoader.Load(definition, root));
    });

    /// <summary>The host of a declared ML strategy; the model is opened (and its feature set checked) now, before the run.</summary>
    public static StrategyHost CreateHost(FrameworkStrategySettings f, TradingUniverse universe, TimeFrame timeFrame, string root)
    {
        var parameters = StrategyParameters.Bind(MlStrategy.Parameters, f.Parameters);
        var binding = Source(root).Open(parameters.Text("model"), parameters.Text("feature_set"));
        return new StrategyHost(f.Name, new MlStrategy(new PreloadedModelSource(binding)), new StrategyHostOptions
        {
            Calendar = NyseCalendar.Instance,
            BaseTimeFrame = timeFrame,
            Sectors = universe.Symbols.ToDictionary(x => x.Symbol, x => x.Sector, StringComparer.Ordinal),
            Parameters = parameters,
            Allocation = f.Allocation,
            Symbols = f.Symbols,
        });
    }
}
