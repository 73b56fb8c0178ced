namespace AlphaTrade.Risk.Sizing;

/// <summary>A position size in whole shares, with why it is what it is.</summary>
/// <param name="Shares">Shares (signed like the requested notional; 0 when dropped).</param>
/// <param name="Notional">|Shares| × price.</param>
/// <param name="Note">Why it was cut to zero or capped, or null.</param>
public readonly record struct SizedPosition(long Shares, decimal Notional, string? Note);

/// <summary>How notional turns into an order: lot size and the smallest order worth sending.</summary>
/// <param name="LotSize">Shares per lot (1 for US equities; 100 for round lots).</param>
/// <param name="MinOrderNotional">Orders below this notional are dropped (risk_params <c>min_order_notional</c>).</param>
public sealed record LotRules(long LotSize = 1, decimal MinOrderNotional = 0m)
{
    /// <summary>Single shares, no minimum.</summary>
    public static LotRules Default { get; } = new();
}

/// <summary>Result of the optimal-f search.</summary>
/// <param name="F">Vince's optimal f in (0, 1].</param>
/// <param name="TerminalWealthRelative">TWR(f) = Πᵢ (1 + f·(−tradeᵢ / largest loss)).</param>
/// <param name="GeometricMean">TWR^(1/N): the growth per trade.</param>
/// <param name="LargestLoss">The largest losing trade, as a positive amount.</param>
/// <param name="DollarsPerUnit">Largest loss / f: trade one unit per this much equity.</param>
public sealed record OptimalFResult(double F, double TerminalWealthRelative, double GeometricMean, double LargestLoss, double DollarsPerUnit);

/// <summary>
/// Position sizing rules. Every method returns whole shares rounded toward zero to the lot size; a size whose
/// notional is under the minimum order notional becomes zero with a note.
/// </summary>
public static class PositionSizer
{
    /// <summary>Rounds a target notional at <paramref name="price"/> to whole lots toward zero and applies the minimum notional.</summary>
    public static SizedPosition FromNotional(decimal notional, decimal price, LotRules? lots = null)
    {
        var rules = lots ?? LotRules.Default;
        if (price <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "Price must be positive.");
        }

        if (rules.LotSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(lots), rules.LotSize, "Lot size must be positive.");
        }

        decimal raw = notional / price;
        long lotsCount = (long)decimal.Truncate(raw / rules.LotSize);
        long shares = lotsCount * rules.LotSize;
        decimal value = Math.Abs(shares) * price;
        if (shares != 0 && value < rules.MinOrderNotional)
        {
            return new SizedPosition(0, 0m, $"notional {value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} is under the minimum order notional");
        }

        return new SizedPosition(shares, value, shares == 0 && notional != 0m ? "less than one lot" : null);
    }

    /// <summary>Fixed fraction of equity as notional: shares = fraction × equity / price.</summary>
    public static SizedPosition FixedFraction(decimal equity, double fraction, decimal price, LotRules? lots = null) =>
        FromNotional(equity * (decimal)fraction, price, lots);

    /// <summary>
    /// Fixed fractional risk (the classic "risk 1% per trade"): the loss if the stop is hit is
    /// <paramref name="riskFraction"/> × equity, so shares = riskFraction × equity / |entry − stop|.
    /// Positive for a long (stop below entry), negative for a short (stop above).
    /// </summary>
    public static SizedPosition FixedFractionalRisk(decimal equity, double riskFraction, decimal entry, decimal stop, LotRules? lots = null)
    {
        if (!(riskFraction >= 0 && riskFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(riskFraction), riskFraction, "Risk fraction must be in [0, 1].");
        }

        decimal perShare = entry - stop;
        if (perShare == 0m)
        {
            throw new ArgumentException("Entry and stop prices are equal: the risk per share is zero.", nameof(stop));
        }

        decimal shares = equity * (decimal)riskFraction / Math.Abs(perShare) * Math.Sign(perShare);
        return FromNotional(shares * entry, entry, lots);
    }

    /// <summary>
    /// Volatility targeting: the position's notional is equity × target / asset volatility (both annual), capped at
    /// <paramref name="maxLeverage"/> × equity.
    /// </summary>
    public static SizedPosition VolatilityTarget(decimal equity, decimal price, double targetAnnualVolatility, double assetAnnualVolatility,
        double maxLeverage = 1.0, LotRules? lots = null)
    {
        if (!(assetAnnualVolatility > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(assetAnnualVolatility), assetAnnualVolatility, "Asset volatility must be positive.");
        }

        if (!(targetAnnualVolatility >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(targetAnnualVolatility), targetAnnualVolatility, "Target volatility must be non-negative.");
        }

        double weight = Math.Min(targetAnnualVolatility / assetAnnualVolatility, maxLeverage);
        var sized = FromNotional(equity * (decimal)weight, price, lots);
        return weight == maxLeverage && targetAnnualVolatility / assetAnnualVolatility > maxLeverage
            ? sized with { Note = sized.Note ?? "capped at the maximum leverage" }
            : sized;
    }

    /// <summary>Annualised realised volatility: sample standard deviation (n − 1) of the returns × √periods per year.</summary>
    public static double RealizedVolatility(ReadOnlySpan<double> returns, double periodsPerYear)
    {
        if (returns.Length < 2)
        {
            throw new ArgumentException("At least 2 returns are needed.", nameof(returns));
        }

        return ValueAtRisk.Moments(returns).Std * Math.Sqrt(periodsPerYear);
    }

    /// <summary>
    /// Annualised volatility from the average true range: ATR/price is taken as the per-bar volatility of returns
    /// (an approximation: for normal returns E|r| ≈ 0.8σ, and the true range is larger than |r|), × √periods per year.
    /// </summary>
    public static double AtrVolatility(double atr, double price, double periodsPerYear)
    {
        if (!(price > 0) || !(atr >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(atr), atr, "ATR must be non-negative and price positive.");
        }

        return atr / price * Math.Sqrt(periodsPerYear);
    }

    /// <summary>
    /// Continuous-time Kelly leverage f* = μ/σ² from the edge (expected excess return per period) and its variance,
    /// times <paramref name="fraction"/> (½ = half Kelly), capped to [−maxLeverage, maxLeverage].
    /// </summary>
    public static double KellyFraction(double expectedExcessReturn, double variance, double fraction = 0.5, double maxLeverage = 1.0)
    {
        if (!(variance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(variance), variance, "Variance must be positive.");
        }

        if (!(fraction >= 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The Kelly fraction must be in [0, 1].");
        }

        return Math.Clamp(fraction * expectedExcessReturn / variance, -maxLeverage, maxLeverage);
    }

    /// <summary>
    /// Discrete Kelly for a bet won with probability p paying b per unit risked (average win / average loss):
    /// f* = p − (1 − p)/b, times <paramref name="fraction"/>; zero when there is no edge.
    /// </summary>
    public static double KellyFromWinLoss(double winProbability, double winLossRatio, double fraction = 0.5)
    {
        if (!(winProbability >= 0 && winProbability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(winProbability), winProbability, "Probability must be in [0, 1].");
        }

        if (!(winLossRatio > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(winLossRatio), winLossRatio, "Win/loss ratio must be positive.");
        }

        return Math.Max(0.0, fraction * (winProbability - ((1 - winProbability) / winLossRatio)));
    }

    /// <summary>
    /// Vince's optimal f from a history of trade results (profit or loss per unit traded): the f in (0, 1] that
    /// maximises TWR(f) = Πᵢ (1 + f·tradeᵢ/|largest loss|). Log TWR is concave in f, so the root of its derivative,
    /// found by bisection, is the maximum. Needs at least one losing trade.
    /// </summary>
    public static OptimalFResult OptimalF(ReadOnlySpan<double> trades)
    {
        if (trades.Length == 0)
        {
            throw new ArgumentException("No trades.", nameof(trades));
        }

        double worst = 0;
        foreach (var t in trades)
        {
            worst = Math.Min(worst, t);
        }

        if (worst >= 0)
        {
            throw new ArgumentException("Optimal f needs at least one losing trade.", nameof(trades));
        }

        double largest = -worst;
        var tr = trades.ToArray();
        double LogTwr(double f)
        {
            double s = 0;
            foreach (var t in tr)
            {
                double hpr = 1 + (f * t / largest);
                if (hpr <= 0)
                {
                    return double.NegativeInfinity;
                }

                s += Math.Log(hpr);
            }

            return s;
        }

        // d/df log TWR = Σ tᵢ/L / (1 + f·tᵢ/L) falls from Σtᵢ/L at f = 0 to −∞ at f = 1 (the largest loss wipes
        // out the stake): bisect on its sign to full precision.
        double Slope(double f)
        {
            double d = 0;
            foreach (var t in tr)
            {
                double u = t / largest;
                d += u / (1 + (f * u));
            }

            return d;
        }

        double lo = 0.0, hi = 1.0;
        if (Slope(0.0) <= 0)
        {
            return new OptimalFResult(0.0, 1.0, 1.0, largest, double.PositiveInfinity);
        }

        for (int i = 0; i < 200 && hi - lo > 1e-15; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Slope(mid) > 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        double f = 0.5 * (lo + hi);
        double log = LogTwr(f);
        if (log <= 0)
        {
            // No positive expectancy: any f loses; optimal f is zero.
            return new OptimalFResult(0.0, 1.0, 1.0, largest, double.PositiveInfinity);
        }

        return new OptimalFResult(f, Math.Exp(log), Math.Exp(log / tr.Length), largest, largest / f);
    }

    /// <summary>Shares to hold for optimal f: equity / (largest loss / f) units, each unit <paramref name="sharesPerUnit"/> shares.</summary>
    public static long OptimalFShares(decimal equity, OptimalFResult optimalF, long sharesPerUnit = 1)
    {
        ArgumentNullException.ThrowIfNull(optimalF);
        if (optimalF.F <= 0)
        {
            return 0;
        }

        return (long)Math.Floor(((double)equity / optimalF.DollarsPerUnit) + 1e-9) * sharesPerUnit;
    }

    /// <summary>
    /// Equal-risk-contribution sizing: target notionals equity × wᵢ with w the risk-parity weights of the covariance,
    /// rounded to shares at each price.
    /// </summary>
    public static SizedPosition[] EqualRiskContribution(decimal equity, double[,] covariance, IReadOnlyList<decimal> prices, LotRules? lots = null)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var w = Optimization.PortfolioOptimizer.RiskParity(covariance).Weights;
        if (prices.Count != w.Length)
        {
            throw new ArgumentException($"{prices.Count} prices for {w.Length} assets.", nameof(prices));
        }

        return [.. w.Select((wi, i) => FromNotional(equity * (decimal)wi, prices[i], lots))];
    }
}
