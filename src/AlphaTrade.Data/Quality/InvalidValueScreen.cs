namespace AlphaTrade.Data.Quality;

/// <summary>Drops rows no repair can save: NaN or infinite values, non-positive prices, negative volume.</summary>
internal static class InvalidValueScreen
{
    public static InvalidValueReport Apply(CleaningWorkspace ws, int maxExamples)
    {
        int nonFinite = 0, nonPositive = 0, negativeVolume = 0;
        var examples = new ExampleList(maxExamples);
        for (int i = 0; i < ws.Count; i++)
        {
            double o = ws.Open[i], h = ws.High[i], l = ws.Low[i], c = ws.Close[i], v = ws.Volume[i];
            if (!double.IsFinite(o) || !double.IsFinite(h) || !double.IsFinite(l) || !double.IsFinite(c) || !double.IsFinite(v))
            {
                nonFinite++;
            }
            else if (o <= 0 || h <= 0 || l <= 0 || c <= 0)
            {
                nonPositive++;
            }
            else if (v < 0)
            {
                negativeVolume++;
            }
            else
            {
                continue;
            }

            ws.Keep[i] = false;
            examples.Add(ws.Time[i]);
        }

        if (nonFinite + nonPositive + negativeVolume > 0)
        {
            ws.Compact();
        }

        return new InvalidValueReport(nonFinite, nonPositive, negativeVolume, examples.Items);
    }
}
