namespace AlphaTrade.Data.Sample;

/// <summary>The kinds of data fault the sample market can plant in its raw (vendor) files.</summary>
public enum SampleFaultKind
{
    /// <summary>A row repeated identically right after itself.</summary>
    DuplicateExact,

    /// <summary>A second row with the same timestamp but different prices and volume.</summary>
    DuplicateConflicting,

    /// <summary>A run of missing bars inside a session (<see cref="SampleFault.Count"/> bars).</summary>
    MissingBars,

    /// <summary>The afternoon half of one full session missing.</summary>
    MissingHalfDay,

    /// <summary>A bad tick: the close (and high or low) of one bar is off and the next bar is back to normal.</summary>
    Spike,

    /// <summary>Two adjacent rows swapped; the recorded timestamp is the earlier bar, now written second.</summary>
    OutOfOrder,

    /// <summary>High below max(open, close).</summary>
    OhlcInconsistent,

    /// <summary>Close and low written as 0.00.</summary>
    NonPositivePrice,

    /// <summary>Volume written negative.</summary>
    NegativeVolume,

    /// <summary>
    /// Every bar before the recorded timestamp is unadjusted for a split: prices multiplied and volumes divided by
    /// <see cref="SampleFault.Value"/> (the split ratio, e.g. 2 for a 2:1 split).
    /// </summary>
    UnadjustedSplit,

    /// <summary>Bars before the regular open (pre-market) starting at the recorded timestamp.</summary>
    PreMarketBars,

    /// <summary>Bars at or after the regular close (post-market) starting at the recorded timestamp.</summary>
    PostMarketBars,
}
