using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AlphaTrade.Indicators;

namespace AlphaTrade.Cli;

/// <summary>
/// The <c>alphatrade indicators --list</c> output: a table for people, or JSON for tools (every indicator, then every
/// output column the same selection would write, so another program can match columns without parsing names).
/// </summary>
internal static class IndicatorListing
{
    /// <summary>JSON schema id of the listing.</summary>
    public const string Schema = "alphatrade.indicators/1";

    /// <summary>One row per indicator in <paramref name="defs"/>; <paramref name="written"/> are those a bar file export writes.</summary>
    public static void WriteTable(TextWriter writer, IReadOnlyList<IndicatorDefinition> defs, IReadOnlyList<IndicatorDefinition> written, IndicatorSelection selection)
    {
        var rows = defs.Select(d =>
        {
            var i = d.Info;
            var p = selection.ParametersFor(d);
            string ps = i.Parameters.Count == 0 ? "-" : string.Join(" ", i.Parameters.Select((s, k) => s.Name + "=" + IndicatorColumns.FormatValue(p[k])));
            return (IReadOnlyList<string>)[i.Name, i.TaLibName ?? "-", Category(i.Category), ps, string.Join(",", i.Outputs), d.Lookback(p).ToString(CultureInfo.InvariantCulture)];
        });
        TextTable.Write(writer, ["name", "talib", "category", "parameters", "outputs", "warmup"], rows);
        int columns = written.Sum(d => d.Info.Outputs.Count);
        writer.WriteLine();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{defs.Count} indicators ({defs.Count(d => d.Info.TaLibName is not null)} with TA-Lib definitions); {columns} output columns from a bar file. Definitions and sources: docs/indicators.md."));
        foreach (var d in defs.Except(written))
        {
            writer.WriteLine($"Note: {d.Info.Name} reads a caller-supplied series ({string.Join(", ", d.Info.Series.Where(s => s.Default == PriceField.Extra).Select(s => s.Name))}): library API only, not written by --input/--output.");
        }
    }

    /// <summary>
    /// <c>indicators</c>: every indicator in <paramref name="defs"/>; <c>columns</c>: every output column of
    /// <paramref name="written"/> (the indicators a bar file export writes), in the order the CSV has them.
    /// </summary>
    public static string ToJson(IReadOnlyList<IndicatorDefinition> defs, IReadOnlyList<IndicatorDefinition> written, IndicatorSelection selection)
    {
        using var ms = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var w = new Utf8JsonWriter(ms, options))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteNumber("indicator_count", defs.Count);
            w.WriteStartArray("indicators");
            foreach (var d in defs)
            {
                Indicator(w, d, selection.ParametersFor(d), written.Contains(d));
            }

            w.WriteEndArray();
            w.WriteStartArray("columns");
            foreach (var d in written)
            {
                var p = selection.ParametersFor(d);
                for (int k = 0; k < d.Info.Outputs.Count; k++)
                {
                    Column(w, d, p, k);
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    private static void Indicator(Utf8JsonWriter w, IndicatorDefinition d, double[] p, bool fromBarFile)
    {
        var i = d.Info;
        w.WriteStartObject();
        w.WriteString("name", i.Name);
        TaLib(w, i);
        w.WriteString("category", Category(i.Category));
        w.WriteString("description", i.Description);
        w.WriteStartArray("inputs");
        foreach (var column in InputColumns(i.Inputs))
        {
            w.WriteStringValue(column);
        }

        w.WriteEndArray();
        w.WriteStartArray("series");
        foreach (var s in i.Series)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteString("default", s.Default.ToString().ToLowerInvariant());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("parameters");
        for (int k = 0; k < i.Parameters.Count; k++)
        {
            var s = i.Parameters[k];
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteNumber("default", s.Default);
            if (p[k] != s.Default)
            {
                w.WriteNumber("value", p[k]);
            }

            w.WriteNumber("min", s.Min);
            w.WriteNumber("max", s.Max);
            w.WriteBoolean("integer", s.IsInteger);
            w.WriteBoolean("choice", s.IsChoice);
            w.WriteString("description", s.Description);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("outputs");
        foreach (var o in i.Outputs)
        {
            w.WriteStringValue(o);
        }

        w.WriteEndArray();
        w.WriteNumber("warmup", d.Lookback(p));
        w.WriteString("source", i.Source);
        w.WriteBoolean("from_bar_file", fromBarFile);
        w.WriteEndObject();
    }

    private static void Column(Utf8JsonWriter w, IndicatorDefinition d, double[] p, int output)
    {
        var i = d.Info;
        w.WriteStartObject();
        w.WriteString("column", IndicatorColumns.Name(i, p, output));
        w.WriteString("indicator", i.Name);
        TaLib(w, i);
        w.WriteStartObject("parameters");
        for (int k = 0; k < i.Parameters.Count; k++)
        {
            w.WriteNumber(i.Parameters[k].Name, p[k]);
        }

        w.WriteEndObject();
        w.WriteString("output", i.Outputs[output]);
        w.WriteNumber("output_index", output);
        w.WriteNumber("warmup", d.Lookback(p));
        w.WriteEndObject();
    }

    private static void TaLib(Utf8JsonWriter w, IndicatorInfo i)
    {
        if (i.TaLibName is { } t)
        {
            w.WriteString("talib", t);
        }
        else
        {
            w.WriteNull("talib");
        }
    }

    private static IEnumerable<string> InputColumns(PriceInputs inputs)
    {
        (PriceInputs Flag, string Name)[] all =
        [
            (PriceInputs.Open, "open"), (PriceInputs.High, "high"), (PriceInputs.Low, "low"), (PriceInputs.Close, "close"),
            (PriceInputs.Volume, "volume"), (PriceInputs.Time, "time"), (PriceInputs.Extra, "extra"),
        ];
        return all.Where(x => (inputs & x.Flag) != 0).Select(x => x.Name);
    }

    private static string Category(IndicatorCategory c) => c switch
    {
        IndicatorCategory.PriceTransform => "price_transform",
        IndicatorCategory.MathOperator => "math_operator",
        _ => c.ToString().ToLowerInvariant(),
    };
}
