using AlphaTrade.Core.Market;
using AlphaTrade.Strategies.Framework;
using AlphaTrade.Strategies.Library;

namespace AlphaTrade.Strategies.Tests;

public sealed class ResumeAndLookAheadTests
{
    public static TheoryData<string> AllTypes => [.. StrategyRegistry.Types.Select(t => t.Name)];

    private static readonly DateTime Start = new(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Cut = new(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void A_run_resumed_from_saved_state_decides_exactly_as_the_uninterrupted_run(string type)
    {
        var market = SampleData.Market;
        var bars = SampleData.Series(market);
        var p = SampleData.Quick(type);

        var whole = new DecisionLog();
        SampleData.Run(bars, [SampleData.Host(type, market, whole, parameters: p)], Start, End);

        var first = SampleData.Host(type, market, parameters: p);
        SampleData.Run(bars, [first], Start, Cut);
        byte[] state = first.SaveState();

        var resumed = new DecisionLog();
        SampleData.Run(bars, [SampleData.Host(type, market, resumed, state, p)], Cut, End);

        var expected = whole.Items.Where(d => d.TimeUtcTicks >= Cut.Ticks).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, resumed.Items);
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void A_fresh_start_at_the_cut_decides_differently_so_the_saved_state_matters(string type)
    {
        var market = SampleData.Market;
        var bars = SampleData.Series(market);
        var p = SampleData.Quick(type);
        var whole = new DecisionLog();
        SampleData.Run(bars, [SampleData.Host(type, market, whole, parameters: p)], Start, End);
        var fresh = new DecisionLog();
        SampleData.Run(bars, [SampleData.Host(type, market, fresh, parameters: p)], Cut, End);
        Assert.NotEqual(whole.Items.Where(d => d.TimeUtcTicks >= Cut.Ticks).ToList(), fresh.Items);
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Perturbing_every_bar_after_t_leaves_every_decision_up_to_t_unchanged(string type)
    {
        var market = SampleData.Market;
        var bars = SampleData.Series(market);
        var p = SampleData.Quick(type);
        var perturbed = bars.Select((s, i) => Perturb(s, Cut.Ticks, 1000 + i)).ToList();

        var original = new DecisionLog();
        SampleData.Run(bars, [SampleData.Host(type, market, original, parameters: p)], Start, End);
        var changed = new DecisionLog();
        SampleData.Run(perturbed, [SampleData.Host(type, market, changed, parameters: p)], Start, End);

        var before = original.Items.Where(d => d.TimeUtcTicks <= Cut.Ticks).ToList();
        Assert.NotEmpty(before);
        Assert.Equal(before, changed.Items.Where(d => d.TimeUtcTicks <= Cut.Ticks).ToList());

        // The perturbation is real: what happens after t does change.
        Assert.NotEqual(original.Items.Where(d => d.TimeUtcTicks > Cut.Ticks).ToList(), changed.Items.Where(d => d.TimeUtcTicks > Cut.Ticks).ToList());
    }

    // Every bar starting at or after t is scaled by its own random factor (OHLC together, so bars stay consistent)
    // and gets a random volume.
    internal static BarSeries Perturb(BarSeries s, long fromTicks, int seed)
    {
        var rng = new Random(seed);
        var copy = new BarSeries(s.Symbol, s.TimeFrame, s.Count);
        for (int i = 0; i < s.Count; i++)
        {
            var b = s[i];
            if (b.TimeUtcTicks >= fromTicks)
            {
                double k = Math.Exp((rng.NextDouble() - 0.5) * 0.08);
                copy.Add(b.TimeUtcTicks, b.Open * k, b.High * k, b.Low * k, b.Close * k, b.Volume * (0.2 + (3 * rng.NextDouble())), flags: s.Flags[i]);
            }
            else
            {
                copy.Add(b.TimeUtcTicks, b.Open, b.High, b.Low, b.Close, b.Volume, flags: s.Flags[i]);
            }
        }

        return copy;
    }
}
