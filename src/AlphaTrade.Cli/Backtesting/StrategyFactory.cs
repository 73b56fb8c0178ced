using AlphaTrade.Backtest.Reference;
using AlphaTrade.Backtest.Vectorized;
using AlphaTrade.Configuration;
using AlphaTrade.Core;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Time;
using AlphaTrade.Core.Universe;
using AlphaTrade.Engine.Strategies;
using AlphaTrade.Strategies.Framework;
using AlphaTrade.Strategies.Library;

namespace AlphaTrade.Cli.Backtesting;

/// <summary>Turns a configured strategy into what the engines run: an event-driven strategy, or a target-weight matrix.</summary>
internal static class StrategyFactory
{
    /// <summary>
    /// The event-driven strategies of <paramref name="settings"/>: one, or a combination's members side by side (each
    /// with its own allocation and books, so the run's P&amp;L attribution has a row per member).
    /// </summary>
    public static IReadOnlyList<IStrategy> CreateAll(StrategySettings settings, TradingUniverse universe, TimeFrame timeFrame, string? rootDirectory = null) =>
        settings is CombinationSettings c
            ? [.. c.Members.Select(m => Create(m, universe, timeFrame, rootDirectory))]
            : [Create(settings, universe, timeFrame, rootDirectory)];

    /// <summary>
    /// The event-driven strategy (library strategies run in a <see cref="StrategyHost"/> over <paramref name="universe"/>'s
    /// sectors; the ML strategy reads models and feature sets under <paramref name="rootDirectory"/>, the current folder when null).
    /// </summary>
    public static IStrategy Create(StrategySettings settings, TradingUniverse universe, TimeFrame timeFrame, string? rootDirectory = null) => settings switch
    {
        SmaCrossoverSettings s => new SmaCrossoverStrategy(Parameters(s)),
        FrameworkStrategySettings { TypeName: Strategies.Ml.MlStrategy.TypeName } f =>
            MlStrategySupport.CreateHost(f, universe, timeFrame, rootDirectory ?? Directory.GetCurrentDirectory()),
        FrameworkStrategySettings f when Inconsistent(f) => throw new InputException(
            $"strategy {f.Name}: the parameters of {f.TypeName} contradict each other ({Describe(f)}); see `alphatrade strategies --list` (e.g. exit_z must be below entry_z)"),
        FrameworkStrategySettings f => StrategyRegistry.CreateHost(
            new StrategyDeclaration(f.Name, f.TypeName, f.Parameters, f.Symbols, f.Allocation),
            new StrategyHostOptions
            {
                Calendar = NyseCalendar.Instance,
                BaseTimeFrame = timeFrame,
                Sectors = universe.Symbols.ToDictionary(x => x.Symbol, x => x.Sector, StringComparer.Ordinal),
            }),
        _ => throw new InputException($"strategy {settings.Name}: type '{settings.Type}' has no implementation"),
    };

    private static bool Inconsistent(FrameworkStrategySettings f)
    {
        var (strategy, parameters) = StrategyRegistry.Create(f.TypeName, f.Parameters);
        return !StrategyRegistry.IsConsistent(strategy, parameters);
    }

    private static string Describe(FrameworkStrategySettings f) =>
        f.Parameters.Count == 0 ? "defaults" : string.Join(", ", f.Parameters.Select(kv => kv.Key + ": " + kv.Value));

    /// <summary>Null when the strategy can run on the vectorized engine, else why not.</summary>
    public static string? VectorizedRefusal(StrategySettings settings) => settings switch
    {
        SmaCrossoverSettings { Sizing: PositionSizing.FixedShares } =>
            $"strategy {settings.Name} sizes in fixed shares, which a target-weight matrix cannot express; use --engine event or sizing: target_weight",
        SmaCrossoverSettings => null,
        CombinationSettings => $"strategy {settings.Name} combines several strategies, which the vectorized engine cannot run side by side; use --engine event",
        _ => $"strategy {settings.Name} ({settings.Type}) cannot run on the vectorized engine; use --engine event",
    };

    /// <summary>The target-weight matrix (rows × symbols) of a strategy the vectorized engine can run.</summary>
    public static double[] TargetWeights(StrategySettings settings, AlignedBars bars) => settings switch
    {
        SmaCrossoverSettings s => SmaCrossoverStrategy.TargetWeights(bars, Parameters(s)),
        _ => throw new InputException(VectorizedRefusal(settings) ?? "no target weights"),
    };

    /// <summary>Writes the target-weight matrix into <paramref name="destination"/> (a sweep's reused buffer of <c>bars.Cells</c>).</summary>
    public static void TargetWeights(StrategySettings settings, AlignedBars bars, Span<double> destination)
    {
        switch (settings)
        {
            case SmaCrossoverSettings s:
                SmaCrossoverStrategy.TargetWeights(bars, Parameters(s), destination);
                break;
            default:
                throw new InputException(VectorizedRefusal(settings) ?? "no target weights");
        }
    }

    public static SmaCrossoverParameters Parameters(SmaCrossoverSettings s) => new()
    {
        Name = s.Name,
        FastPeriod = s.FastPeriod,
        SlowPeriod = s.SlowPeriod,
        Sizing = s.Sizing == PositionSizing.FixedShares ? CrossoverSizing.FixedShares : CrossoverSizing.TargetWeight,
        Weight = s.Weight ?? double.NaN,
        Shares = s.Shares,
        AllowShort = s.AllowShort,
    };
}
