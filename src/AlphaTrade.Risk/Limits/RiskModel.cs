using AlphaTrade.Core.Ports;
using AlphaTrade.Core.Time;
using MathNet.Numerics.Distributions;

namespace AlphaTrade.Risk.Limits;

/// <summary>
/// The covariance the VaR limit is checked with: daily returns of named symbols. Dollar VaR of positions v (market
/// values) is z_c·√(v′Σv), the zero-mean Gaussian 1-day VaR. Build it from any estimator, scaled to one day (for
/// 15-minute bars: × 26, see <see cref="Annualization.PeriodsPerDay"/>). Immutable (it caches the last normal quantile).
/// </summary>
public sealed class RiskModel
{
    private readonly Dictionary<string, int> _index;
    private readonly double[,] _covariance;
    private readonly double[] _rows; // the covariance row-major, for span loops without 2-D bounds checks
    private QuantileCache? _quantile; // one reference: safe to share the model across threads

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
        _rows = new double[p * p];
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++)
            {
                _rows[(i * p) + j] = _covariance[i, j];
            }
        }
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

    /// <summary>
    /// The 1-day VaR of <paramref name="values"/> as the value at <paramref name="index"/> alone changes: one
    /// matrix-vector product here, then each <see cref="VarProfile.At"/> is constant time (the pre-trade check searches
    /// order sizes with it).
    /// </summary>
    public VarProfile Profile(ReadOnlySpan<double> values, int index, double confidence)
    {
        ValueAtRisk.CheckConfidence(confidence);
        int n = values.Length;
        double q = 0, g = 0;
        if (n != Symbols.Count)
        {
            throw new ArgumentException($"{n} values for a model of {Symbols.Count} symbols.", nameof(values));
        }

        for (int i = 0; i < n; i++)
        {
            double row = Dot(_rows.AsSpan(i * n, n), values);
            q += values[i] * row;
            if (i == index)
            {
                g = row;
            }
        }

        return new VarProfile(Z(confidence), q, g, _covariance[index, index], values[index]);
    }

    /// <summary>
    /// Σv into <paramref name="rows"/> and v′Σv (returned), formed exactly as <see cref="Profile(ReadOnlySpan{double}, int, double)"/>
    /// forms them, so <see cref="Profile(ReadOnlySpan{double}, ReadOnlySpan{double}, double, int, double)"/> gives the
    /// same profile at any entry of the same <paramref name="values"/> without the matrix-vector product.
    /// </summary>
    public double QuadraticRows(ReadOnlySpan<double> values, Span<double> rows)
    {
        int n = values.Length;
        if (n != Symbols.Count || rows.Length < n)
        {
            throw new ArgumentException($"{n} values and {rows.Length} rows for a model of {Symbols.Count} symbols.", nameof(values));
        }

        double q = 0;
        for (int i = 0; i < n; i++)
        {
            double row = Dot(_rows.AsSpan(i * n, n), values);
            q += values[i] * row;
            rows[i] = row;
        }

        return q;
    }

    /// <summary>The VaR profile at <paramref name="index"/> of the values whose Σv and v′Σv <see cref="QuadraticRows"/> gave.</summary>
    public VarProfile Profile(ReadOnlySpan<double> values, ReadOnlySpan<double> rows, double quadratic, int index, double confidence)
    {
        ValueAtRisk.CheckConfidence(confidence);
        return new VarProfile(Z(confidence), quadratic, rows[index], _covariance[index, index], values[index]);
    }

    /// <summary>
    /// Σ a·b with four running sums combined in a fixed order: independent chains the processor overlaps (a pre-trade
    /// check runs this per order), and the same rounding on every machine, unlike a width-dependent SIMD sum.
    /// </summary>
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        b = b[..a.Length];
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = 0;
        for (; j + 4 <= a.Length; j += 4)
        {
            s0 += a[j] * b[j];
            s1 += a[j + 1] * b[j + 1];
            s2 += a[j + 2] * b[j + 2];
            s3 += a[j + 3] * b[j + 3];
        }

        for (; j < a.Length; j++)
        {
            s0 += a[j] * b[j];
        }

        return (s0 + s1) + (s2 + s3);
    }

    private double Z(double confidence)
    {
        var cached = _quantile;
        if (cached is null || cached.Confidence != confidence)
        {
            cached = new QuantileCache(confidence, Normal.InvCDF(0, 1, confidence));
            _quantile = cached;
        }

        return cached.Z;
    }

    private sealed record QuantileCache(double Confidence, double Z);

    /// <summary>1-day VaR of the portfolio, in dollars.</summary>
    public double PortfolioVar(IPortfolioView portfolio, double confidence) => DailyVar(Exposures(portfolio), confidence);
}

/// <summary>
/// Gaussian 1-day VaR of a position vector as one entry moves to <c>x</c>: z·√(q + 2·(x − x₀)·g + (x − x₀)²·s), with q
/// the quadratic form at the start, g the entry's row of Σv and s its variance.
/// </summary>
/// <param name="Z">Normal quantile of the confidence.</param>
/// <param name="Quadratic">v′Σv of the starting vector.</param>
/// <param name="Gradient">(Σv) at the entry.</param>
/// <param name="Variance">Σ at the entry's diagonal.</param>
/// <param name="Start">The entry's starting value.</param>
public readonly record struct VarProfile(double Z, double Quadratic, double Gradient, double Variance, double Start)
{
    /// <summary>The VaR, in dollars, with the entry at <paramref name="value"/>.</summary>
    public double At(double value)
    {
        double d = value - Start;
        return Z * Math.Sqrt(Math.Max(Quadratic + (2.0 * d * Gradient) + (d * d * Variance), 0.0));
    }
}
