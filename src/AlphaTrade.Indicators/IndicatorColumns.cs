using System.Globalization;
using System.Text;

namespace AlphaTrade.Indicators;

/// <summary>
/// Export column names: lower snake case <c>&lt;name&gt;[_&lt;output&gt;]_&lt;params joined by _&gt;</c>, e.g.
/// <c>sma_30</c>, <c>macd_signal_12_26_9</c>, <c>bbands_upper_5_2_2</c>, <c>cdl_engulfing</c>.
/// </summary>
public static class IndicatorColumns
{
    /// <summary>
    /// The column name of output <paramref name="outputIndex"/>. The output name is inserted for multi-output
    /// indicators unless it equals the indicator's name (MACD's first output is <c>macd_12_26_9</c>). Choice
    /// parameters (<see cref="IndicatorParameter.IsChoice"/>, the MA types) are left out while all of them are at
    /// their defaults, and all parameters are listed otherwise, so names stay unambiguous.
    /// </summary>
    public static string Name(IndicatorInfo info, ReadOnlySpan<double> parameters, int outputIndex)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)outputIndex, (uint)info.Outputs.Count, nameof(outputIndex));
        var sb = new StringBuilder(info.Name);
        string output = info.Outputs[outputIndex];
        if (info.Outputs.Count > 1 && !string.Equals(output, info.Name, StringComparison.Ordinal))
        {
            sb.Append('_').Append(output);
        }

        bool choicesAtDefault = true;
        for (int i = 0; i < info.Parameters.Count; i++)
        {
            if (info.Parameters[i].IsChoice && parameters[i] != info.Parameters[i].Default)
            {
                choicesAtDefault = false;
            }
        }

        for (int i = 0; i < info.Parameters.Count; i++)
        {
            if (info.Parameters[i].IsChoice && choicesAtDefault)
            {
                continue;
            }

            sb.Append('_').Append(FormatValue(parameters[i]));
        }

        return sb.ToString();
    }

    /// <summary>A parameter value as it appears in a column name: shortest invariant round-trip form (2.0 → "2", 0.02 → "0.02").</summary>
    public static string FormatValue(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
