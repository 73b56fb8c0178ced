using System.Globalization;
using AlphaTrade.Features.Engine;

namespace AlphaTrade.Features.Definition;

/// <summary>Parameter checks shared by the family specs; failures name the spec's YAML line.</summary>
internal static class SpecChecks
{
    public static int[] Windows(PlanBuilder b, IReadOnlyList<int>? values, string key, int min, int max = 1_000_000, bool allowEmpty = false)
    {
        if (values is null || (values.Count == 0 && !allowEmpty))
        {
            throw b.Error($"{key}: expected a non-empty list of whole numbers in [{min}, {max}]");
        }

        foreach (int v in values)
        {
            if (v < min || v > max)
            {
                throw b.Error(string.Create(CultureInfo.InvariantCulture, $"{key}: {v} is outside [{min}, {max}]"));
            }
        }

        if (values.Distinct().Count() != values.Count)
        {
            throw b.Error($"{key}: values repeat ({string.Join(", ", values)})");
        }

        return values.ToArray();
    }

    public static int Int(PlanBuilder b, int value, string key, int min, int max = 1_000_000)
    {
        if (value < min || value > max)
        {
            throw b.Error(string.Create(CultureInfo.InvariantCulture, $"{key}: {value} is outside [{min}, {max}]"));
        }

        return value;
    }

    public static double Double(PlanBuilder b, double value, string key, double min, double max)
    {
        if (!(value >= min && value <= max))
        {
            throw b.Error(string.Create(CultureInfo.InvariantCulture, $"{key}: {value} is outside [{min}, {max}]"));
        }

        return value;
    }

    /// <summary>"1 bar", "5 bars".</summary>
    public static string Bars(int n) => n == 1 ? "1 bar" : Text(n) + " bars";

    public static string Text(int v) => v.ToString(CultureInfo.InvariantCulture);
}
