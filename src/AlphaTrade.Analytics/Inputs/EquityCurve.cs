namespace AlphaTrade.Analytics.Inputs;

/// <summary>
/// An account's equity sampled at the end of each bar, optionally with a benchmark series on the same timestamps.
/// <para>
/// Columnar and immutable: <see cref="Time"/> holds UTC <see cref="DateTime.Ticks"/> in strictly ascending order,
/// <see cref="Equity"/> the account value at each instant (positive, finite), and <see cref="Benchmark"/> either
/// nothing or a positive benchmark level (an equity curve or a price series: only its returns are used).
/// The arrays passed in are owned by the curve afterwards; callers must not change them.
/// </para>
/// </summary>
public sealed class EquityCurve
{
    private readonly long[] _time;
    private readonly double[] _equity;
    private readonly double[]? _benchmark;

    /// <summary>Creates a curve; throws <see cref="ArgumentException"/> on fewer than two points, unsorted times or non-positive values.</summary>
    /// <param name="timeUtcTicks">Sample instants, UTC ticks, strictly ascending.</param>
    /// <param name="equity">Account equity at each instant, positive and finite.</param>
    /// <param name="benchmark">Benchmark level at each instant (same length), or null.</param>
    public EquityCurve(long[] timeUtcTicks, double[] equity, double[]? benchmark = null)
    {
        ArgumentNullException.ThrowIfNull(timeUtcTicks);
        ArgumentNullException.ThrowIfNull(equity);
        if (timeUtcTicks.Length != equity.Length)
        {
            throw new ArgumentException("Times and equity must have the same length.", nameof(equity));
        }

        if (timeUtcTicks.Length < 2)
        {
            throw new ArgumentException("An equity curve needs at least two points.", nameof(timeUtcTicks));
        }

        for (int i = 1; i < timeUtcTicks.Length; i++)
        {
            if (timeUtcTicks[i] <= timeUtcTicks[i - 1])
            {
                throw new ArgumentException($"Times must be strictly ascending (index {i}).", nameof(timeUtcTicks));
            }
        }

        CheckPositive(equity, nameof(equity));
        if (benchmark is not null)
        {
            if (benchmark.Length != equity.Length)
            {
                throw new ArgumentException("Benchmark and equity must have the same length.", nameof(benchmark));
            }

            CheckPositive(benchmark, nameof(benchmark));
        }

        _time = timeUtcTicks;
        _equity = equity;
        _benchmark = benchmark;
    }

    /// <summary>Number of samples (one more than the number of returns).</summary>
    public int Count => _time.Length;

    /// <summary>Number of period returns, <see cref="Count"/> − 1.</summary>
    public int ReturnCount => _time.Length - 1;

    /// <summary>Sample instants, UTC ticks, ascending.</summary>
    public ReadOnlySpan<long> Time => _time;

    /// <summary>Account equity at each sample.</summary>
    public ReadOnlySpan<double> Equity => _equity;

    /// <summary>True when a benchmark series is attached.</summary>
    public bool HasBenchmark => _benchmark is not null;

    /// <summary>Benchmark level at each sample; empty when there is none.</summary>
    public ReadOnlySpan<double> Benchmark => _benchmark;

    /// <summary>First sample instant (UTC).</summary>
    public DateTime Start => new(_time[0], DateTimeKind.Utc);

    /// <summary>Last sample instant (UTC).</summary>
    public DateTime End => new(_time[^1], DateTimeKind.Utc);

    /// <summary>The same curve with <paramref name="benchmark"/> attached (same length, positive).</summary>
    public EquityCurve WithBenchmark(double[] benchmark) => new(_time, _equity, benchmark);

    /// <summary>The same curve without its benchmark.</summary>
    public EquityCurve WithoutBenchmark() => _benchmark is null ? this : new EquityCurve(_time, _equity);

    /// <summary>Writes the simple returns r[i] = E[i+1]/E[i] − 1 into <paramref name="destination"/> (length ≥ <see cref="ReturnCount"/>).</summary>
    public void Returns(Span<double> destination) => Analytics.Metrics.ReturnMath.SimpleReturns(_equity, destination);

    /// <summary>Writes the benchmark's simple returns into <paramref name="destination"/>; throws when there is no benchmark.</summary>
    public void BenchmarkReturns(Span<double> destination)
    {
        if (_benchmark is null)
        {
            throw new InvalidOperationException("The curve has no benchmark.");
        }

        Analytics.Metrics.ReturnMath.SimpleReturns(_benchmark, destination);
    }

    private static void CheckPositive(double[] values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (!(v > 0) || double.IsInfinity(v))
            {
                throw new ArgumentException($"Values must be positive and finite (index {i} is {v}).", name);
            }
        }
    }
}
