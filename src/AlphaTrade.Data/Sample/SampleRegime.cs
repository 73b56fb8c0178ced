namespace AlphaTrade.Data.Sample;

/// <summary>The hidden market regime of one sample day.</summary>
public enum SampleRegime
{
    /// <summary>Rising market: positive drift, calm volatility.</summary>
    Bull = 0,

    /// <summary>Falling market: negative drift, high volatility.</summary>
    Bear = 1,

    /// <summary>Range-bound market: near-zero drift, average volatility.</summary>
    Sideways = 2,
}
