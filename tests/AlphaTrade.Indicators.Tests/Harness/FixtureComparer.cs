using System.Globalization;
using System.Text;

namespace AlphaTrade.Indicators.Tests.Harness;

/// <summary>
/// Compares an <see cref="IndicatorDefinition"/> with a TA-Lib fixture call: the definition's lookback must equal
/// TA-Lib's begIndex, the warm-up bars must be NaN, and every later value must agree to
/// <see cref="RelativeTolerance"/> (relative to the larger magnitude) or <see cref="AbsoluteTolerance"/> (for
/// values at zero, where a relative test means nothing).
/// </summary>
public static class FixtureComparer
{
    public const double RelativeTolerance = 1e-9;

    public const double AbsoluteTolerance = 1e-12;

    public static bool Close(double expected, double actual) =>
        expected == actual
        || Math.Abs(expected - actual) <= Math.Max(RelativeTolerance * Math.Max(Math.Abs(expected), Math.Abs(actual)), AbsoluteTolerance);

    /// <summary>Runs <paramref name="definition"/> on the call's data set and returns a description of each mismatch (empty: agrees).</summary>
    public static IReadOnlyList<string> Compare(IndicatorDefinition definition, FixtureCall call, int maxReports = 8)
    {
        var errors = new List<string>();
        var bars = TaLibFixtures.Bars(call.Dataset);
        if (definition.Info.Parameters.Count != call.Parameters.Length)
        {
            errors.Add($"{definition.Info.Name} has {definition.Info.Parameters.Count} parameters, TA-Lib's {call.Function} has {call.Parameters.Length} ({string.Join(",", call.ParameterNames)}).");
            return errors;
        }

        if (definition.Info.Outputs.Count != call.Outputs.Length)
        {
            errors.Add($"{definition.Info.Name} has {definition.Info.Outputs.Count} outputs, TA-Lib's {call.Function} has {call.Outputs.Length}.");
            return errors;
        }

        int lookback = definition.Lookback(call.Parameters);
        if (lookback != call.BegIndex)
        {
            errors.Add($"lookback {lookback} != TA-Lib begIndex {call.BegIndex}");
        }

        var outs = Enumerable.Range(0, call.Outputs.Length).Select(_ => new double[bars.Count]).ToArray();
        definition.Compute(bars.Input, call.Parameters, outs);
        for (int k = 0; k < call.Outputs.Length && errors.Count < maxReports; k++)
        {
            var expected = TaLibFixtures.Column(call.Dataset, call.Columns[k]);
            for (int i = 0; i < bars.Count && errors.Count < maxReports; i++)
            {
                double e = expected[i], a = outs[k][i];
                bool ok = double.IsNaN(e) ? double.IsNaN(a) : Close(e, a);
                if (!ok)
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"{call.Outputs[k]}[{i}]: TA-Lib {e:R}, ours {a:R}"));
                }
            }
        }

        return errors;
    }

    public static string Describe(FixtureCall call, IReadOnlyList<string> errors)
    {
        var sb = new StringBuilder();
        sb.Append(call.Dataset).Append(':').Append(call.Id).Append(" disagrees with TA-Lib:");
        foreach (var e in errors)
        {
            sb.Append("\n  ").Append(e);
        }

        return sb.ToString();
    }
}
