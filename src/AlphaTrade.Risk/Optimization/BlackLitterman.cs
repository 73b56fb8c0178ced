namespace AlphaTrade.Risk.Optimization;

/// <summary>
/// One investor view: the portfolio <paramref name="Pick"/> (a row of P: +1 on one asset for an absolute view,
/// +1/−1 for a relative one) is expected to return <paramref name="ExpectedReturn"/> (a row of Q).
/// </summary>
/// <param name="Pick">Weights on the assets, in asset order.</param>
/// <param name="ExpectedReturn">Expected return of the pick portfolio (same units as the covariance).</param>
/// <param name="Confidence">Idzorek confidence in (0, 1]; null uses He–Litterman's ω = τ·pΣp′.</param>
public sealed record BlackLittermanView(double[] Pick, double ExpectedReturn, double? Confidence = null);

/// <summary>Black–Litterman prior, posterior and the implied weights.</summary>
/// <param name="Prior">Market-implied equilibrium returns Π = δΣw_mkt.</param>
/// <param name="PosteriorReturns">μ_BL = Π + τΣP′(τPΣP′ + Ω)⁻¹(Q − PΠ).</param>
/// <param name="PosteriorCovariance">Σ + τΣ − τΣP′(τPΣP′ + Ω)⁻¹PτΣ.</param>
/// <param name="Omega">Diagonal of Ω, the view uncertainties.</param>
/// <param name="Weights">Unconstrained optimal weights (δΣ)⁻¹μ_BL (they sum to one only when the views are neutral).</param>
public sealed record BlackLittermanResult(double[] Prior, double[] PosteriorReturns, double[,] PosteriorCovariance, double[] Omega, double[] Weights);

/// <summary>
/// Black–Litterman (1992) in the formulation of He &amp; Litterman (1999). The prior is implied by the benchmark
/// weights; Ω is diagonal. A view with a confidence c uses Idzorek's (2005) confidence in the closed form of Walters
/// (2014): ωₖ = τ·(1 − c)/c·pₖΣpₖ′ (c = 1: the view holds exactly; c = ½ equals He–Litterman). A view without a
/// confidence uses He–Litterman's ωₖ = τ·pₖΣpₖ′. Defaults: τ = 0.05, δ = 2.5.
/// </summary>
public static class BlackLitterman
{
    /// <summary>Default τ (uncertainty of the prior mean relative to Σ).</summary>
    public const double DefaultTau = 0.05;

    /// <summary>Default risk aversion δ.</summary>
    public const double DefaultRiskAversion = 2.5;

    /// <summary>Market-implied risk aversion δ = (E[r_m] − r_f)/σ_m².</summary>
    public static double ImpliedRiskAversion(double marketReturn, double marketVariance, double riskFree = 0.0) =>
        marketVariance > 0 ? (marketReturn - riskFree) / marketVariance : throw new ArgumentOutOfRangeException(nameof(marketVariance), marketVariance, "Market variance must be positive.");

    /// <summary>Equilibrium returns Π = δΣw.</summary>
    public static double[] ImpliedReturns(double[,] covariance, double[] marketWeights, double riskAversion = DefaultRiskAversion)
    {
        ArgumentNullException.ThrowIfNull(marketWeights);
        int n = Covariance.CheckSquare(covariance);
        if (marketWeights.Length != n)
        {
            throw new ArgumentException($"{marketWeights.Length} market weights for {n} assets.", nameof(marketWeights));
        }

        return [.. DenseMath.Multiply(covariance, marketWeights).Select(v => riskAversion * v)];
    }

    /// <summary>Prior, posterior and unconstrained weights.</summary>
    public static BlackLittermanResult Compute(double[,] covariance, double[] marketWeights, IReadOnlyList<BlackLittermanView> views,
        double riskAversion = DefaultRiskAversion, double tau = DefaultTau)
    {
        ArgumentNullException.ThrowIfNull(views);
        int n = Covariance.CheckSquare(covariance);
        if (!(tau > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(tau), tau, "τ must be positive.");
        }

        if (!(riskAversion > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(riskAversion), riskAversion, "Risk aversion must be positive.");
        }

        var prior = ImpliedReturns(covariance, marketWeights, riskAversion);
        int k = views.Count;
        var omega = new double[k];
        var sp = new double[k][]; // Σpₖ′
        for (int v = 0; v < k; v++)
        {
            var view = views[v];
            if (view.Pick.Length != n)
            {
                throw new ArgumentException($"View {v} has {view.Pick.Length} weights for {n} assets.", nameof(views));
            }

            if (view.Confidence is { } c && !(c > 0 && c <= 1))
            {
                throw new ArgumentException($"View {v}: confidence must be in (0, 1]; got {c}.", nameof(views));
            }

            sp[v] = DenseMath.Multiply(covariance, view.Pick);
            double psp = DenseMath.Dot(view.Pick, sp[v]);
            omega[v] = view.Confidence is { } conf ? tau * (1 - conf) / conf * psp : tau * psp;
        }

        var mu = (double[])prior.Clone();
        var post = Covariance.Scale(covariance, 1.0 + tau);
        if (k > 0)
        {
            // M = τPΣP′ + Ω.
            var m = new double[k, k];
            for (int a = 0; a < k; a++)
            {
                for (int b = 0; b < k; b++)
                {
                    m[a, b] = (tau * DenseMath.Dot(views[a].Pick, sp[b])) + (a == b ? omega[a] : 0.0);
                }
            }

            var gap = new double[k];
            for (int v = 0; v < k; v++)
            {
                gap[v] = views[v].ExpectedReturn - DenseMath.Dot(views[v].Pick, prior);
            }

            var lambda = DenseMath.Solve(m, gap);
            for (int i = 0; i < n; i++)
            {
                for (int v = 0; v < k; v++)
                {
                    mu[i] += tau * sp[v][i] * lambda[v];
                }
            }

            // Posterior covariance: subtract τ²·(ΣP′) M⁻¹ (PΣ).
            var solved = new double[n][]; // M⁻¹ (PΣ) column i
            for (int i = 0; i < n; i++)
            {
                var col = new double[k];
                for (int v = 0; v < k; v++)
                {
                    col[v] = sp[v][i];
                }

                solved[i] = DenseMath.Solve(m, col);
            }

            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double s = 0;
                    for (int v = 0; v < k; v++)
                    {
                        s += sp[v][i] * solved[j][v];
                    }

                    post[i, j] -= tau * tau * s;
                }
            }
        }

        var weights = DenseMath.Solve(Covariance.Scale(covariance, riskAversion), mu);
        return new BlackLittermanResult(prior, mu, post, omega, weights);
    }
}
