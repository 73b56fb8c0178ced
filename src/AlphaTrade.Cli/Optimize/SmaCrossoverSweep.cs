using AlphaTrade.Backtest;
using AlphaTrade.Backtest.Reference;
using AlphaTrade.Backtest.Vectorized;
using AlphaTrade.Engine.Results;
using AlphaTrade.Optimization.Parameters;
using AlphaTrade.Optimization.Sweeps;

namespace AlphaTrade.Cli.Optimize;

/// <summary>
/// The reference SMA crossover (<see cref="SmaCrossoverStrategy"/>, target-weight sizing, 1/n of equity per symbol):
/// <c>fast</c> and <c>slow</c> average lengths in bars, <c>allow_short</c> true/false. On the vectorized engine each
/// configuration is the strategy's own target-weight matrix, which trades exactly where the event-driven strategy would.
/// </summary>
internal sealed class SmaCrossoverSweep : StrategySweep
{
    private const string Fast = "fast";
    private const string Slow = "slow";
    private const string AllowShort = "allow_short";
    private static readonly SmaCrossoverParameters Defaults = new();

    public override string Name => Defaults.Name;

    public override IReadOnlyList<SweepParameter> Parameters { get; } =
    [
        new(Fast, ["fast_period"], "fast moving-average length in bars, a whole number ≥ 1 (default 10)"),
        new(Slow, ["slow_period"], "slow moving-average length in bars, greater than fast (default 30)"),
        new(AllowShort, [], "true to go short when fast < slow, false to stay flat (default false)"),
    ];

    public override string ValidityRule => "slow must exceed fast";

    public override bool SupportsVectorized => true;

    protected override string? CheckValue(string name, ParameterValue value) => Canonical(name) switch
    {
        AllowShort => value.Text is "true" or "false" || (value.IsNumber && value.Number is 0m or 1m)
            ? null
            : $"allow_short takes true or false (or 1 and 0), got {Text(value)}",
        var p => value.IsInteger && value.Number >= 1 && value.Number <= 1_000_000
            ? null
            : $"{p} is an average length in bars, a whole number from 1 to 1000000; got {Text(value)}",
    };

    public override bool IsValid(ParameterSet configuration)
    {
        var p = Bind(configuration);
        return p.SlowPeriod > p.FastPeriod;
    }

    public override TrialResult Evaluate(ParameterSet configuration, SweepData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var p = Bind(configuration);
        var sim = data.Simulation;
        RunResult run = data.Engine == SweepEngine.Vectorized
            ? VectorizedBacktester.Run(new VectorizedSpec
            {
                Bars = data.Bars,
                TargetWeights = SmaCrossoverStrategy.TargetWeights(data.Bars, p),
                Calendar = data.Calendar,
                InitialCapital = sim.InitialCapital,
                Margin = sim.Margin,
                Costs = sim.Costs,
                Venue = sim.Venue,
                StrategyName = p.Name,
            })
            : Backtester.Run(new BacktestSpec
            {
                Bars = data.Series,
                Calendar = data.Calendar,
                Strategies = [new SmaCrossoverStrategy(p)],
                InitialCapital = sim.InitialCapital,
                Margin = sim.Margin,
                Costs = sim.Costs,
                Venue = sim.Venue,
            });
        cancellationToken.ThrowIfCancellationRequested();
        return data.Trial(run);
    }

    private SmaCrossoverParameters Bind(ParameterSet configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var p = Defaults;
        for (int i = 0; i < configuration.Count; i++)
        {
            var v = configuration[i];
            p = Canonical(configuration.Names[i]) switch
            {
                Fast => p with { FastPeriod = v.ToInt32() },
                Slow => p with { SlowPeriod = v.ToInt32() },
                _ => p with { AllowShort = v.Text == "true" || (v.IsNumber && v.Number == 1m) },
            };
        }

        return p;
    }
}
