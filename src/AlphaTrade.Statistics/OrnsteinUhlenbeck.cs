namespace AlphaTrade.Statistics;

/// <summary>Discrete Ornstein–Uhlenbeck fit of a spread: Δs_t = a + b·s_{t−1} + ε_t.</summary>
/// <param name="A">Intercept a.</param>
/// <param name="B">Slope b (negative for a mean-reverting spread).</param>
/// <param name="HalfLife">−ln 2 / ln(1 + b) bars; +∞ when b ≥ 0 (no mean reversion).</param>
/// <param name="Mean">Long-run mean −a/b.</param>
/// <param name="Sigma">Residual standard deviation per bar.</param>
public sealed record OuFit(double A, double B, double HalfLife, double Mean, double Sigma);

/// <summary>Half-life of mean reversion from an AR(1) regression of the spread's changes on its lagged level.</summary>
public static class OrnsteinUhlenbeck
{
    /// <summary>Fits the spread; needs at least three points.</summary>
    public static OuFit HalfLife(ReadOnlySpan<double> spread)
    {
        int n = spread.Length;
        if (n < 3)
        {
            throw new ArgumentException("A half-life needs at least three observations.", nameof(spread));
        }

        var ds = new double[n - 1];
        var lag = new double[n - 1];
        for (int i = 1; i < n; i++)
        {
            ds[i - 1] = spread[i] - spread[i - 1];
            lag[i - 1] = spread[i - 1];
        }

        var fit = Ols.Fit(ds, [lag], addConstant: true);
        double a = fit.Coefficients[0];
        double b = fit.Coefficients[1];
        double half = b < 0 && b > -1 ? -Math.Log(2) / Math.Log(1 + b) : (b <= -1 ? 0 : double.PositiveInfinity);
        return new OuFit(a, b, half, b != 0 ? -a / b : double.NaN, Math.Sqrt(fit.Ssr / (n - 1 - 2)));
    }
}
