using AlphaTrade.Core.Ports;
using AlphaTrade.Core.Time;
using MathNet.Numerics.Distributions;

namespace AlphaTrade.Risk.Limits;

/// <summary>
/// The covariance the VaR limit is checked with: daily returns of named symbols. Dollar VaR of positions v (market
/// values) is z_c·√(v′Σv), the zero-mean Gaussian 1-day VaR. Build it from any estimator, scaled to one day (for
/// 15-minute bars: × 26, see <see cref="Annualization.PeriodsPerDay"/>). Immutable.
/// </summary>
public sealed class RiskModel
{
    private readonly Dictionary<string, int> _index;
    private readonly double[,] _covariance;

    /// <summary>Creates a model over <paramref name="symbols"/> with their daily covariance.</summary>
    public RiskModel(IReadOnlyList<string> symbols, double[,] dailyCovariance)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        int p = Covariance.CheckSquare(dailyCovariance);
        if (symbols.Count != p)
        {
            throw new ArgumentException($"{symbols.Count} symbols for a {p}×{p} covariance.", nameof(symbols));
        }

        Symbols = [.. symbols];
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < p; i++)
        {
            if (!_index.TryAdd(symbols[i], i))
            {
                throw new ArgumentException($"Symbol '{symbols[i]}' appears twice.", nameof(symbols));
            }
        }

        _covariance = (double[,])dailyCovariance.Clone();
    }

    /// <summary>
    /// A model from per-bar returns of <paramref name="symbols"/> (one column each, oldest first): the covariance by
    /// <paramref name="method"/>, scaled to one day with the bars per session of <paramref name="timeFrame"/>.
    /// </summary>
    public static RiskModel FromBarReturns(IReadOnlyList<string> symbols, IReadOnlyList<double[]> barReturns, TimeFrame timeFrame,
        CovarianceMethod method = CovarianceMethod.Sample) =>
        new(symbols, Covariance.Scale(Covariance.Estimate(barReturns, method), Annualization.PeriodsPerDay(timeFrame)));

    /// <summary>Symbols in covariance order.</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>True when the model covers <paramref name="symbol"/>.</summary>
    public bool Contains(string symbol) => _index.ContainsKey(symbol);

    /// <summary>Position of <paramref name="symbol"/> in the covariance (−1 when absent).</summary>
    public int IndexOf(string symbol) => _index.GetValueOrDefault(symbol, -1);

    /// <summary>Market values of the portfolio's positions in model order (positions the model lacks are left out).</summary>
    public double[] Exposures(IPortfolioView portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var v = new double[Symbols.Count];
        foreach (var p in portfolio.OpenPositions())
        {
            if (_index.TryGetValue(p.Symbol, out int i))
            {
                v[i] = (double)p.MarketValue;
            }
        }

        return v;
    }

    /// <summary>1-day Gaussian VaR (zero mean) in dollars of positions with market values <paramref name="values"/>.</summary>
    public double DailyVar(ReadOnlySpan<double> values, double confidence)
    {
        ValueAtRisk.CheckConfidence(confidence);
        double q = DenseMath.Quadratic(_covariance, values);
        return Normal.InvCDF(0, 1, confidence) * Math.Sqrt(Math.Max(q, 0.0));
    }

    /// <summary>1-day VaR of the portfolio, in dollars.</summary>
    public double PortfolioVar(IPortfolioView portfolio, double confidence) => DailyVar(Exposures(portfolio), confidence);
}
