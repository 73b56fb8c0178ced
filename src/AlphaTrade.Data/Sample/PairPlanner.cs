namespace AlphaTrade.Data.Sample;

/// <summary>Chooses which same-sector symbols become planted cointegrated pairs, and their spread parameters.</summary>
internal static class PairPlanner
{
    // Classic same-sector pairs of the default universe, used first when present.
    private static readonly (string A, string B)[] Preferred = [("KO", "PEP"), ("XOM", "CVX"), ("V", "MA"), ("GS", "MS")];

    /// <summary>
    /// Up to <see cref="SampleModel.PairCount"/> pairs: the preferred ones present in the universe (same sector),
    /// then the first two unpaired members of each sector in first-seen order. A symbol is in at most one pair.
    /// </summary>
    public static List<SamplePair> Plan(IReadOnlyList<SampleSymbol> universe, SampleModel model, SampleRandom rng, int fullDayBars)
    {
        var sectorOf = universe.ToDictionary(s => s.Symbol, s => s.Sector, StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var chosen = new List<(string A, string B, string Sector)>();
        foreach (var (a, b) in Preferred)
        {
            if (chosen.Count < model.PairCount && sectorOf.TryGetValue(a, out var sa) && sectorOf.TryGetValue(b, out var sb)
                && string.Equals(sa, sb, StringComparison.Ordinal) && !used.Contains(a) && !used.Contains(b))
            {
                chosen.Add((a, b, sa));
                used.Add(a);
                used.Add(b);
            }
        }

        foreach (var sector in universe.Select(s => s.Sector).Distinct(StringComparer.Ordinal))
        {
            if (chosen.Count >= model.PairCount)
            {
                break;
            }

            var free = universe.Where(s => string.Equals(s.Sector, sector, StringComparison.Ordinal) && !used.Contains(s.Symbol)).Take(2).ToList();
            if (free.Count == 2)
            {
                chosen.Add((free[0].Symbol, free[1].Symbol, sector));
                used.Add(free[0].Symbol);
                used.Add(free[1].Symbol);
            }
        }

        var pairs = new List<SamplePair>(chosen.Count);
        foreach (var (a, b, sector) in chosen)
        {
            double halfLifeDays = Math.Round(rng.Uniform(model.PairHalfLifeDays.Min, model.PairHalfLifeDays.Max) * 4.0) / 4.0;
            double sd = Math.Round(rng.Uniform(model.PairSpreadSd.Min, model.PairSpreadSd.Max), 4);
            double hedge = Math.Round(SampleSymbolTable.For(b).StartPrice / SampleSymbolTable.For(a).StartPrice, 4);
            pairs.Add(new SamplePair(sector, a, b, hedge, halfLifeDays, halfLifeDays * fullDayBars, sd));
        }

        return pairs;
    }
}
