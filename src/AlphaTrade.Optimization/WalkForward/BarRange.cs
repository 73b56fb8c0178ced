namespace AlphaTrade.Optimization.WalkForward;

/// <summary>A half-open range of bar indices [Start, End).</summary>
/// <param name="Start">First bar index.</param>
/// <param name="End">One past the last bar index.</param>
public readonly record struct BarRange(int Start, int End)
{
    /// <summary>Number of bars.</summary>
    public int Length => End - Start;

    /// <summary>True when the range holds no bar.</summary>
    public bool IsEmpty => End <= Start;

    /// <summary>The range's part of a per-bar series.</summary>
    public ReadOnlySpan<T> Of<T>(T[] series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return series.AsSpan(Start, Length);
    }

    /// <summary><c>[start, end)</c>.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{Start}, {End})");
}
