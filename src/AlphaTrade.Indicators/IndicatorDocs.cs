using System.Globalization;
using System.Text;

namespace AlphaTrade.Indicators;

/// <summary>Generates docs/indicators.md from the registry, so the documentation cannot drift from the code.</summary>
public static class IndicatorDocs
{
    /// <summary>The full Markdown page: conventions, then one table per category.</summary>
    public static string Markdown()
    {
        var all = IndicatorRegistry.All;
        var sb = new StringBuilder();
        sb.Append("# Indicators\n\n");
        sb.Append("<!-- Generated from IndicatorRegistry by IndicatorDocs.Markdown(); do not edit by hand. ")
          .Append("Regenerate: ALPHATRADE_UPDATE_DOCS=1 dotnet test tests/AlphaTrade.Indicators.Tests --filter IndicatorDocsTests -->\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"{all.Count} indicators ({all.Count(d => d.Info.TaLibName is not null)} with TA-Lib definitions).\n\n");
        sb.Append("Conventions:\n\n");
        sb.Append("* **TA-Lib-defined indicators** follow TA-Lib 0.6's default definition exactly: lookback, seeding, ")
          .Append("unstable periods (TA-Lib's defaults, 0), and operation order; results agree with TA-Lib to 1e-9 relative ")
          .Append("(tested against fixtures produced by TA-Lib itself, see `tests/AlphaTrade.Indicators.Tests/Fixtures`).\n");
        sb.Append("* **Outputs** have the input's length; the first *warm-up* bars are NaN (the warm-up column gives it at the ")
          .Append("default parameters; it equals TA-Lib's lookback).\n");
        sb.Append("* **Invalid bars**: a bar where a column the indicator reads is NaN or infinite gets NaN outputs and restarts ")
          .Append("the indicator, which warms up again from the next bar as if the series began there (both forms).\n");
        sb.Append("* **Inputs**: single-series indicators read the close (`real`); two-series ones (BETA, CORREL, ADD, ...) read ")
          .Append("high and low by default, as TA-Lib's Python API does; any series can be mapped to another column or to the ")
          .Append("caller's extra series (MAVP's periods).\n");
        sb.Append("* **Columns**: `<name>[_<output>]_<parameters joined by _>`, e.g. `sma_30`, `macd_signal_12_26_9`, ")
          .Append("`bbands_upper_5_2_2`; MA-type choices appear only when one differs from its default.\n");
        sb.Append("* **Two forms**: batch over spans and streaming (one bar at a time) give bit-identical results.\n\n");
        foreach (var group in all.GroupBy(d => d.Info.Category))
        {
            sb.Append("## ").Append(Title(group.Key)).Append("\n\n");
            sb.Append("| name | TA-Lib | description | parameters (default [min, max]) | inputs | outputs | warm-up | definition |\n");
            sb.Append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
            foreach (var d in group)
            {
                var i = d.Info;
                string ps = i.Parameters.Count == 0
                    ? "—"
                    : string.Join("; ", i.Parameters.Select(p => string.Create(CultureInfo.InvariantCulture,
                        $"{p.Name} = {IndicatorColumns.FormatValue(p.Default)} [{Bound(p.Min)}, {Bound(p.Max)}]")));
                string inputs = i.Series.Count > 0
                    ? string.Join(", ", i.Series.Select(s => s.Name + "=" + s.Default.ToString().ToLowerInvariant()))
                      + ExtraColumns(i)
                    : i.Inputs.ToString().ToLowerInvariant();
                sb.Append(CultureInfo.InvariantCulture,
                    $"| `{i.Name}` | {i.TaLibName ?? "—"} | {Esc(i.Description)} | {Esc(ps)} | {Esc(inputs)} | {string.Join(", ", i.Outputs)} | {d.DefaultLookback} | {Esc(i.Source)} |\n");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static string ExtraColumns(IndicatorInfo i)
    {
        var fixedInputs = i.Inputs;
        foreach (var s in i.Series)
        {
            fixedInputs &= ~(s.Default switch
            {
                PriceField.Open => PriceInputs.Open,
                PriceField.High => PriceInputs.High,
                PriceField.Low => PriceInputs.Low,
                PriceField.Close => PriceInputs.Close,
                PriceField.Volume => PriceInputs.Volume,
                _ => PriceInputs.Extra,
            });
        }

        return fixedInputs == PriceInputs.None ? "" : "; " + fixedInputs.ToString().ToLowerInvariant();
    }

    private static string Bound(double v) =>
        Math.Abs(v) >= 1e30 ? (v < 0 ? "−∞" : "∞") : IndicatorColumns.FormatValue(v);

    private static string Esc(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Title(IndicatorCategory c) => c switch
    {
        IndicatorCategory.Overlap => "Overlap studies",
        IndicatorCategory.Momentum => "Momentum",
        IndicatorCategory.Volume => "Volume",
        IndicatorCategory.Volatility => "Volatility",
        IndicatorCategory.PriceTransform => "Price transforms",
        IndicatorCategory.Statistics => "Statistics",
        IndicatorCategory.Cycle => "Cycle (Hilbert transform)",
        IndicatorCategory.Pattern => "Candlestick patterns",
        _ => "Math operators and transforms",
    };
}
