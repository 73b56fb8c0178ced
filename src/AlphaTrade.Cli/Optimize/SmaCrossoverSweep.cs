using AlphaTrade.Configuration;
using AlphaTrade.Optimization.Parameters;

namespace AlphaTrade.Cli.Optimize;

/// <summary>
/// Sweeps a configured reference SMA crossover (type <c>sma_crossover</c>): <c>fast</c> and <c>slow</c> average lengths
/// in bars and <c>allow_short</c>; sizing, weight and shares keep their configured values. With target-weight sizing
/// each configuration runs on the vectorized engine as the strategy's own target-weight matrix, which trades exactly
/// where the event-driven strategy would.
/// </summary>
internal sealed class SmaCrossoverSweep(SmaCrossoverSettings configured) : StrategySweep(configured)
{
    private const string Fast = "fast";
    private const string Slow = "slow";
    private const string AllowShort = "allow_short";

    public override IReadOnlyList<SweepParameter> Parameters { get; } =
    [
        new(Fast, ["fast_period"], "fast moving-average length in bars, a whole number ≥ 1"),
        new(Slow, ["slow_period"], "slow moving-average length in bars, greater than fast"),
        new(AllowShort, [], "true to go short when fast < slow, false to stay flat"),
    ];

    public override string ValidityRule => "slow must exceed fast";

    public override bool IsValid(ParameterSet configuration)
    {
        var s = (SmaCrossoverSettings)Configure(configuration);
        return s.SlowPeriod > s.FastPeriod;
    }

    public override StrategySettings Configure(ParameterSet configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var s = (SmaCrossoverSettings)Base;
        for (int i = 0; i < configuration.Count; i++)
        {
            var v = configuration[i];
            s = Canonical(configuration.Names[i]) switch
            {
                Fast => s with { FastPeriod = v.ToInt32() },
                Slow => s with { SlowPeriod = v.ToInt32() },
                _ => s with { AllowShort = v.Text == "true" || (v.IsNumber && v.Number == 1m) },
            };
        }

        return s;
    }

    protected override string? CheckValue(string name, ParameterValue value) => name switch
    {
        AllowShort => value.Text is "true" or "false" || (value.IsNumber && value.Number is 0m or 1m)
            ? null
            : $"allow_short takes true or false (or 1 and 0), got {value}",
        _ => value.IsInteger && value.Number >= 1 && value.Number <= 1_000_000
            ? null
            : $"{name} is an average length in bars, a whole number from 1 to 1000000; got {value}",
    };
}
