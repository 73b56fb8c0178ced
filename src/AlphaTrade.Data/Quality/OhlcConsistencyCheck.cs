using AlphaTrade.Core.Market;

namespace AlphaTrade.Data.Quality;

/// <summary>Finds bars whose high and low do not bracket open and close; repairs or drops them.</summary>
internal static class OhlcConsistencyCheck
{
    public static OhlcReport Apply(CleaningWorkspace ws, OhlcInconsistencyPolicy policy, int maxExamples)
    {
        int highBelowBody = 0, lowAboveBody = 0, highBelowLow = 0, inconsistent = 0;
        var examples = new ExampleList(maxExamples);
        for (int i = 0; i < ws.Count; i++)
        {
            double o = ws.Open[i], h = ws.High[i], l = ws.Low[i], c = ws.Close[i];
            bool hb = h < Math.Max(o, c);
            bool la = l > Math.Min(o, c);
            bool hl = h < l;
            if (!(hb || la || hl))
            {
                continue;
            }

            inconsistent++;
            examples.Add(ws.Time[i]);
            highBelowBody += hb ? 1 : 0;
            lowAboveBody += la ? 1 : 0;
            highBelowLow += hl ? 1 : 0;
            if (policy == OhlcInconsistencyPolicy.Drop)
            {
                ws.Keep[i] = false;
            }
            else
            {
                // The widest bar the four prices allow: a swapped high/low becomes right, a short wick is extended.
                ws.High[i] = Math.Max(Math.Max(o, c), Math.Max(h, l));
                ws.Low[i] = Math.Min(Math.Min(o, c), Math.Min(h, l));
                ws.Flags[i] |= BarFlags.Repaired;
            }
        }

        int dropped = policy == OhlcInconsistencyPolicy.Drop && inconsistent > 0 ? ws.Compact() : 0;
        int repaired = policy == OhlcInconsistencyPolicy.Repair ? inconsistent : 0;
        return new OhlcReport(highBelowBody, lowAboveBody, highBelowLow, inconsistent, repaired, dropped, examples.Items);
    }
}
