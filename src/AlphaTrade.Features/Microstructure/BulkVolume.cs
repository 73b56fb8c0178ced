using AlphaTrade.Features.Rolling;

namespace AlphaTrade.Features.Microstructure;

/// <summary>
/// Bulk volume classification (Easley, López de Prado &amp; O'Hara 2012): the buy share of a bar's volume is
/// <c>Φ(r_t / σ)</c>, r_t the bar's log return and σ the standard deviation of the previous bars' log returns over a
/// window (the current bar excluded), Φ the standard normal CDF.
/// </summary>
internal sealed class BulkVolume
{
    private readonly RollingMoments _sigma;
    private readonly int _window;

    public BulkVolume(int sigmaWindow)
    {
        _window = sigmaWindow;
        _sigma = new RollingMoments(sigmaWindow);
    }

    /// <summary>Buy share of the bar with log return <paramref name="r"/> (NaN until σ is defined), then adds r to the σ window.</summary>
    public double BuyShare(double r)
    {
        double sd = _sigma.Count >= _window ? _sigma.StdDev : double.NaN;
        double share = sd > 0 && !double.IsNaN(r) ? NormalCdf(r / sd) : double.NaN;
        _sigma.Push(r);
        return share;
    }

    /// <summary>Standard normal CDF.</summary>
    public static double NormalCdf(double z) => 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-z / Math.Sqrt(2));
}
