using AlphaTrade.Core.Market;

namespace AlphaTrade.Indicators;

/// <summary>One computed output column with the metadata an export needs.</summary>
/// <param name="Name">Column name (see <see cref="IndicatorColumns.Name"/>).</param>
/// <param name="Indicator">Indicator name.</param>
/// <param name="TaLibName">TA-Lib function name, or null.</param>
/// <param name="Parameters">Parameter names and values used.</param>
/// <param name="OutputIndex">Index of the output within the indicator.</param>
/// <param name="OutputName">Output name.</param>
/// <param name="Lookback">Warm-up bars (NaN at the start).</param>
/// <param name="Values">One value per bar; NaN during warm-up and on invalid bars.</param>
public sealed record IndicatorColumn(
    string Name,
    string Indicator,
    string? TaLibName,
    IReadOnlyList<KeyValuePair<string, double>> Parameters,
    int OutputIndex,
    string OutputName,
    int Lookback,
    double[] Values);

/// <summary>Computes a selection of indicators over bars into named columns (the engine of <c>alphatrade indicators</c>).</summary>
public static class IndicatorTable
{
    /// <summary>Computes <paramref name="selection"/> over <paramref name="series"/>.</summary>
    public static IReadOnlyList<IndicatorColumn> Compute(BarSeries series, IndicatorSelection selection, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Compute(series.Time.ToArray(), series.Open.ToArray(), series.High.ToArray(), series.Low.ToArray(),
            series.Close.ToArray(), series.Volume.ToArray(), null, selection, maxDegreeOfParallelism);
    }

    /// <summary>
    /// Computes <paramref name="selection"/> over the given columns (all of one length; <paramref name="extra"/>
    /// optional). Indicators whose default series mapping needs the extra series (MAVP) are skipped when it is
    /// absent unless selected explicitly, in which case an <see cref="ArgumentException"/> says what is missing.
    /// Indicators run in parallel; columns come back in registry order, outputs in order.
    /// </summary>
    public static IReadOnlyList<IndicatorColumn> Compute(long[] time, double[] open, double[] high, double[] low,
        double[] close, double[] volume, double[]? extra, IndicatorSelection selection, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var defs = selection.Definitions()
            .Where(d => extra is not null || selection.Only is not null || (d.Info.Inputs & PriceInputs.Extra) == 0)
            .ToArray();
        var results = new IndicatorColumn[defs.Length][];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, defs.Length, options, k =>
        {
            var def = defs[k];
            var p = selection.ParametersFor(def);
            var input = new OhlcvInput(open, high, low, close, volume, time, extra);
            var outs = new double[def.Info.Outputs.Count][];
            for (int i = 0; i < outs.Length; i++)
            {
                outs[i] = new double[input.Length];
            }

            def.Compute(input, p, outs);
            var named = def.Info.Parameters.Select((s, i) => new KeyValuePair<string, double>(s.Name, p[i])).ToArray();
            int lookback = def.Lookback(p);
            results[k] = outs.Select((values, i) => new IndicatorColumn(
                IndicatorColumns.Name(def.Info, p, i), def.Info.Name, def.Info.TaLibName, named, i, def.Info.Outputs[i], lookback, values)).ToArray();
        });
        return results.SelectMany(r => r).ToArray();
    }
}
