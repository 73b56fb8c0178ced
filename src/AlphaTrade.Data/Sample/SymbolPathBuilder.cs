namespace AlphaTrade.Data.Sample;

/// <summary>Builds symbol log-price paths from the factor components, and second pair legs from first legs.</summary>
internal static class SymbolPathBuilder
{
    /// <summary>
    /// A factor-model symbol: every gap and bar increment is β_m·market + β_s·sector + own, plus a jump on the days
    /// the Poisson draw says (Bernoulli λ/252 a day, at most one), either in the gap or in one random bar.
    /// </summary>
    /// <param name="grid">Bar grid.</param>
    /// <param name="symbol">Ticker (for the jump records).</param>
    /// <param name="startPrice">Price before the first gap.</param>
    /// <param name="market">Market component.</param>
    /// <param name="marketBeta">Market loading.</param>
    /// <param name="sector">Sector component, or null (benchmark).</param>
    /// <param name="sectorBeta">Sector loading.</param>
    /// <param name="own">The symbol's own component (idiosyncratic, or the benchmark's tracking noise).</param>
    /// <param name="unconditionalDailyVariance">Long-run variance of a full day's return.</param>
    /// <param name="jumpsPerYear">Jump intensity; 0 for none.</param>
    /// <param name="model">Model parameters.</param>
    /// <param name="rng">The symbol's stream (jumps).</param>
    /// <param name="jumps">Receives the jumps, in time order.</param>
    public static SymbolPath BuildFactor(SessionGrid grid, string symbol, double startPrice, ComponentPath market, double marketBeta,
        ComponentPath? sector, double sectorBeta, ComponentPath own, double unconditionalDailyVariance, double jumpsPerYear,
        SampleModel model, SampleRandom rng, List<SampleJump> jumps)
    {
        var path = new SymbolPath(grid.Days, grid.Bars)
        {
            LogStart = Math.Log(startPrice),
            UnconditionalDailyVariance = unconditionalDailyVariance,
        };
        double pJump = jumpsPerYear / 252.0;
        double bs2 = sectorBeta * sectorBeta;
        double bm2 = marketBeta * marketBeta;
        double logP = path.LogStart;
        for (int d = 0; d < grid.Days; d++)
        {
            int start = grid.DayStart[d];
            int end = grid.DayStart[d + 1];
            int jumpBar = -1;
            double jump = 0;
            bool overnight = false;
            if (pJump > 0 && rng.Bernoulli(pJump))
            {
                double size = Math.Max(0.015, Math.Abs(model.JumpMeanAbsSize + (model.JumpSizeSd * rng.Normal())));
                jump = rng.Bernoulli(model.JumpDownProbability) ? -size : size;
                overnight = rng.Bernoulli(model.OvernightJumpShare);
                jumpBar = overnight ? start : start + rng.NextInt(end - start);
                jumps.Add(new SampleJump(symbol, new DateTime(grid.Times[jumpBar], DateTimeKind.Utc), jump, overnight));
                path.DayJumpAbs[d] = Math.Abs(jump);
                path.JumpAbs[jumpBar] = Math.Abs(jump);
            }

            double gap = (marketBeta * market.Gap[d]) + own.Gap[d];
            double gapVar = (bm2 * market.GapVariance[d]) + own.GapVariance[d];
            if (sector is not null)
            {
                gap += sectorBeta * sector.Gap[d];
                gapVar += bs2 * sector.GapVariance[d];
            }

            if (overnight)
            {
                gap += jump;
            }

            path.GapVariance[d] = gapVar;
            double o = logP + gap;
            for (int g = start; g < end; g++)
            {
                double x = (marketBeta * market.Bar[g]) + own.Bar[g];
                double v = (bm2 * market.BarVariance[g]) + own.BarVariance[g];
                if (sector is not null)
                {
                    x += sectorBeta * sector.Bar[g];
                    v += bs2 * sector.BarVariance[g];
                }

                if (g == jumpBar && !overnight)
                {
                    x += jump;
                }

                path.LogOpen[g] = o;
                o += x;
                path.LogClose[g] = o;
                path.Variance[g] = v;
            }

            logP = o;
        }

        return path;
    }

    /// <summary>
    /// The second leg of a planted pair: log B = log A + log h + s, with the spread s an AR(1) stepped once per bar,
    /// s' = φ·s + σ_ε,k·ε, φ = 2^(−1/halfLifeBars), ε unit-variance Student-t. The innovation sd follows the intraday
    /// variance U-shape, σ_ε,k = σ_ε·√(w_k/w̄) with w̄ the mean full-day bar weight and σ_ε = sd·√(1 − φ²), so the
    /// spread's stationary sd is about sd; it starts from its stationary law.
    /// </summary>
    public static SymbolPath BuildPairLeg(SessionGrid grid, SymbolPath first, SamplePair pair, double nu, double overnightShare, SampleRandom rng)
    {
        var path = new SymbolPath(grid.Days, grid.Bars);
        double phi = Math.Pow(2.0, -1.0 / pair.HalfLifeBars);
        double sigma = pair.SpreadSd * Math.Sqrt(1.0 - (phi * phi));
        double lnH = Math.Log(pair.HedgeRatio);
        double s = pair.SpreadSd * rng.Normal();
        double meanWeight = (1.0 - overnightShare) / grid.FullDayBars;
        path.LogStart = first.LogStart + lnH + s;
        path.UnconditionalDailyVariance = first.UnconditionalDailyVariance + (sigma * sigma * grid.FullDayBars);
        first.GapVariance.AsSpan().CopyTo(path.GapVariance);
        first.DayJumpAbs.AsSpan().CopyTo(path.DayJumpAbs);
        first.JumpAbs.AsSpan().CopyTo(path.JumpAbs);
        for (int d = 0; d < grid.Days; d++)
        {
            var w = grid.Profiles[d].VarianceWeights;
            for (int k = 0, g = grid.DayStart[d]; k < w.Length; k++, g++)
            {
                double sk2 = sigma * sigma * w[k] / meanWeight;
                path.LogOpen[g] = first.LogOpen[g] + lnH + s;
                s = (phi * s) + (Math.Sqrt(sk2) * rng.StudentT(nu));
                path.LogClose[g] = first.LogClose[g] + lnH + s;
                path.Variance[g] = first.Variance[g] + sk2;
            }
        }

        return path;
    }
}
