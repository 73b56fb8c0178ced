using System.Globalization;
using AlphaTrade.Configuration;
using AlphaTrade.Core;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Cli.Commands;

/// <summary>Small shared helpers of the analysis commands: invariant number formatting and optional configuration.</summary>
internal static class CliFormat
{
    public static string Pct(double v, int decimals = 4) => double.IsFinite(v) ? (v * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%" : "n/a";

    public static string Num(double v, int decimals = 6) => double.IsFinite(v) ? v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "n/a";

    /// <summary>The configuration under the root when it has one (bar size, universe), else null.</summary>
    public static AlphaTradeConfig? TryLoadConfig(CliContext ctx) =>
        File.Exists(Path.Combine(ctx.RootDirectory, "config", "settings.yaml")) && File.Exists(Path.Combine(ctx.RootDirectory, "config", "risk_params.yaml"))
            ? ConfigLoader.LoadFromProcess(ctx.RootDirectory)
            : null;

    /// <summary>The bar size from --timeframe, else the configuration's, else 15 minutes.</summary>
    public static TimeFrame TimeFrameOf(string? option, AlphaTradeConfig? config) =>
        CliParse.TimeFrame(option, "--timeframe") ?? config?.Settings.Data.TimeFrame ?? TimeFrame.FifteenMinutes;

    /// <summary>Parses "0.95,0.99" into confidence levels in (0.5, 1).</summary>
    public static double[] Confidences(string text)
    {
        var list = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) || !(c > 0.5 && c < 1.0))
            {
                throw new InputException($"--confidence: '{part}' is not a confidence level; expected numbers in (0.5, 1) such as 0.95,0.99");
            }

            list.Add(c);
        }

        return list.Count > 0 ? [.. list] : throw new InputException("--confidence: expected at least one level, e.g. 0.95,0.99");
    }
}
