namespace AlphaTrade.Backtest.Venue;

/// <summary>Fill rules of the simulated venue.</summary>
public sealed record VenueOptions
{
    /// <summary>
    /// Largest share of a bar's volume one order may fill on that bar (0.10 = 10%); the rest carries to following
    /// bars as partial fills. Null or 0 turns the cap off.
    /// </summary>
    public double? ParticipationCap { get; init; } = 0.10;

    /// <summary>
    /// Chance that a limit order whose price the bar only touches (low = limit for a buy) fills. Draws come from a
    /// generator seeded with <see cref="Seed"/>, so runs repeat exactly. Default 0: touching is not trading through.
    /// </summary>
    public double TouchFillProbability { get; init; }

    /// <summary>Seed of the venue's random generator.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>EWMA span, in bars, of the statistics the estimated slippage models read.</summary>
    public int StatisticsSpanBars { get; init; } = 20 * 26;

    /// <summary>The participation cap as a positive fraction, or null when off.</summary>
    internal double? EffectiveCap => ParticipationCap is > 0 ? ParticipationCap : null;
}
