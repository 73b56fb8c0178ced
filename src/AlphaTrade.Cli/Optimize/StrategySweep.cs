using AlphaTrade.Backtest;
using AlphaTrade.Backtest.Vectorized;
using AlphaTrade.Cli.Backtesting;
using AlphaTrade.Configuration;
using AlphaTrade.Core;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Core.Universe;
using AlphaTrade.Engine.Results;
using AlphaTrade.Optimization;
using AlphaTrade.Optimization.Parameters;
using AlphaTrade.Optimization.Sweeps;

namespace AlphaTrade.Cli.Optimize;

/// <summary>Which backtest engine evaluates each configuration.</summary>
internal enum SweepEngine
{
    /// <summary>The vectorized engine (target-weight matrix), for strategies that can be written as one.</summary>
    Vectorized,

    /// <summary>The event-driven engine, for any strategy.</summary>
    Event,
}

/// <summary>One parameter a strategy accepts in <c>--param</c>.</summary>
/// <param name="Name">The canonical name.</param>
/// <param name="Aliases">Other accepted spellings.</param>
/// <param name="Description">What it is and which values it takes.</param>
internal sealed record SweepParameter(string Name, IReadOnlyList<string> Aliases, string Description)
{
    public bool Matches(string name) => string.Equals(Name, name, StringComparison.Ordinal) || Aliases.Contains(name, StringComparer.Ordinal);
}

/// <summary>Everything the trials of one sweep share, read-only: the universe's bars, the calendar, the simulation settings.</summary>
internal sealed class SweepData
{
    public required IReadOnlyList<BarSeries> Series { get; init; }

    public required AlignedBars Bars { get; init; }

    public required ITradingCalendar Calendar { get; init; }

    public required TradingUniverse Universe { get; init; }

    public required TimeFrame TimeFrame { get; init; }

    public required SimulationSettings Simulation { get; init; }

    public required SweepEngine Engine { get; init; }

    public required Objective Objective { get; init; }

    public required double PeriodsPerYear { get; init; }

    /// <summary>
    /// The trial of a finished run: per-step simple returns of account equity (the first against the starting capital),
    /// the objective and the standard metrics, plus the engine's trade counts and costs.
    /// </summary>
    public TrialResult Trial(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var equity = run.Equity.Equity;
        var returns = new double[equity.Length];
        double previous = (double)run.InitialCapital;
        for (int i = 0; i < equity.Length; i++)
        {
            returns[i] = (equity[i] / previous) - 1.0;
            previous = equity[i];
        }

        var pnl = run.TotalPnl;
        var extra = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["trades"] = run.Trades.Count,
            ["fills"] = run.Fills.Count,
            ["costs"] = (double)(pnl.Commission + pnl.Fees + pnl.BorrowFees),
            ["net_pnl"] = (double)pnl.NetPnl,
        };
        return TrialResult.FromReturns(returns, Objective, PeriodsPerYear, extra);
    }
}

/// <summary>
/// A configured strategy (an entry of <c>strategies</c> in settings.yaml) that <c>alphatrade optimize</c> can sweep: the
/// parameters it accepts, which configurations are valid, and the configured strategy with one configuration's values,
/// which runs exactly as <c>alphatrade backtest</c> would run it. Stateless and thread-safe (trials run in parallel).
/// </summary>
internal abstract class StrategySweep
{
    protected StrategySweep(StrategySettings baseSettings)
    {
        ArgumentNullException.ThrowIfNull(baseSettings);
        Base = baseSettings;
    }

    /// <summary>The configured strategy; parameters not swept keep its values.</summary>
    public StrategySettings Base { get; }

    /// <summary>The name given to <c>--strategy</c>.</summary>
    public string Name => Base.Name;

    /// <summary>The parameters <c>--param</c> may set.</summary>
    public abstract IReadOnlyList<SweepParameter> Parameters { get; }

    /// <summary>The rule every configuration must satisfy (e.g. <c>slow must exceed fast</c>), for messages.</summary>
    public abstract string ValidityRule { get; }

    /// <summary>Null when the strategy can run on the vectorized engine, else why not.</summary>
    public string? VectorizedRefusal => StrategyFactory.VectorizedRefusal(Base);

    /// <summary>Checks the grid's parameter names and values; throws an <see cref="InputException"/> naming the <c>--param</c>.</summary>
    public void Validate(ParameterGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var axis in grid.Axes)
        {
            var p = Parameters.FirstOrDefault(x => x.Matches(axis.Name))
                ?? throw new InputException($"--param '{axis.Source}': {Base.Type} has no parameter '{axis.Name}'; expected {Expected()}");
            if (seen.TryGetValue(p.Name, out var other))
            {
                throw new InputException($"--param '{axis.Source}': {p.Name} is already set by --param '{other}'");
            }

            seen[p.Name] = axis.Source;
            foreach (var v in axis.Values)
            {
                if (CheckValue(p.Name, v) is { } problem)
                {
                    throw new InputException($"--param '{axis.Source}': {problem}");
                }
            }
        }
    }

    /// <summary>True when <paramref name="configuration"/> (values already checked) satisfies <see cref="ValidityRule"/>.</summary>
    public abstract bool IsValid(ParameterSet configuration);

    /// <summary>The configured strategy with the values of <paramref name="configuration"/>.</summary>
    public abstract StrategySettings Configure(ParameterSet configuration);

    /// <summary>Backtests one configuration on the sweep's engine, as <c>alphatrade backtest</c> runs a strategy.</summary>
    public TrialResult Evaluate(ParameterSet configuration, SweepData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var settings = Configure(configuration);
        var sim = data.Simulation;
        RunResult run = data.Engine == SweepEngine.Vectorized
            ? VectorizedBacktester.Run(new VectorizedSpec
            {
                Bars = data.Bars,
                TargetWeights = WeightBuffer(settings, data.Bars),
                Calendar = data.Calendar,
                InitialCapital = sim.InitialCapital,
                Margin = sim.Margin,
                Costs = sim.Costs,
                Venue = sim.Venue,
                StrategyName = settings.Name,
            })
            : Backtester.Run(new BacktestSpec
            {
                Bars = data.Series,
                Calendar = data.Calendar,
                Strategies = [StrategyFactory.Create(settings, data.Universe, data.TimeFrame)],
                InitialCapital = sim.InitialCapital,
                Margin = sim.Margin,
                Costs = sim.Costs,
                Venue = sim.Venue,
            });
        cancellationToken.ThrowIfCancellationRequested();
        return data.Trial(run);
    }

    // One target-weight matrix per sweep thread, reused configuration after configuration (the run is over before
    // the thread takes its next configuration): a fresh 4.8 MB matrix per configuration was 40% of a sweep's allocation.
    [ThreadStatic]
    private static double[]? t_weights;

    private static double[] WeightBuffer(StrategySettings settings, AlignedBars bars)
    {
        var w = t_weights;
        if (w is null || w.Length != bars.Cells)
        {
            t_weights = w = new double[bars.Cells];
        }

        StrategyFactory.TargetWeights(settings, bars, w);
        return w;
    }

    /// <summary>Why <paramref name="value"/> is not a valid value of parameter <paramref name="name"/> (canonical); null when it is.</summary>
    protected abstract string? CheckValue(string name, ParameterValue value);

    /// <summary>The canonical name of <paramref name="name"/> (an alias or the name itself).</summary>
    protected string Canonical(string name) => Parameters.First(p => p.Matches(name)).Name;

    private string Expected()
    {
        var names = Parameters.Select(p => p.Aliases.Count == 0 ? p.Name : $"{p.Name} ({string.Join('/', p.Aliases)})").ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
    }
}

/// <summary>Finds the strategy <c>--strategy</c> names among the configured ones and the sweep for its type.</summary>
internal static class StrategySweeps
{
    /// <summary>Strategy types that can be swept.</summary>
    public static IReadOnlyList<string> Types { get; } = [SmaCrossoverSettings.TypeName, .. AlphaTrade.Strategies.Library.StrategyRegistry.Types.Select(t => t.Name)];

    /// <summary>
    /// The sweep of the strategy called <paramref name="name"/> in settings.yaml's <c>strategies</c> (or, as for
    /// <c>alphatrade backtest</c>, a bare type name with its defaults); unknown names throw an <see cref="InputException"/>.
    /// </summary>
    public static StrategySweep Resolve(Settings settings, string name)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Trim();
        var strategy = settings.Strategies.Find(key)
            ?? (StrategyCatalog.Types.Contains(key, StringComparer.Ordinal)
                ? new SmaCrossoverSettings(key)
                : LibraryStrategyTypes.Instance.Names.Contains(key, StringComparer.Ordinal)
                ? new FrameworkStrategySettings(key, key, [], null, 1.0)
                : throw new InputException($"--strategy '{name}': not a configured strategy; expected {string.Join(", ", settings.Strategies.Names)} (config/settings.yaml, strategies)"));
        return strategy switch
        {
            SmaCrossoverSettings sma => new SmaCrossoverSweep(sma),
            FrameworkStrategySettings f => new LibraryStrategySweep(f),
            _ => throw new InputException($"--strategy '{name}': strategies of type {strategy.Type} cannot be optimised yet; expected a strategy of type {string.Join(", ", Types)}"),
        };
    }
}
