using System.Runtime.CompilerServices;

namespace AlphaTrade.Indicators.Infrastructure;

/// <summary>The columns a batch run reads, resolved from the input and the series mapping.</summary>
internal readonly ref struct Columns
{
    public Columns(in OhlcvInput input, PriceInputs used, ReadOnlySpan<double> r0, ReadOnlySpan<double> r1)
    {
        Length = input.Length;
        Open = (used & PriceInputs.Open) != 0 ? input.Open : default;
        High = (used & PriceInputs.High) != 0 ? input.High : default;
        Low = (used & PriceInputs.Low) != 0 ? input.Low : default;
        Close = (used & PriceInputs.Close) != 0 ? input.Close : default;
        Volume = (used & PriceInputs.Volume) != 0 ? input.Volume : default;
        Time = (used & PriceInputs.Time) != 0 ? input.TimeUtcTicks : default;
        R0 = r0;
        R1 = r1;
        Check(Open, nameof(Open));
        Check(High, nameof(High));
        Check(Low, nameof(Low));
        Check(Close, nameof(Close));
        Check(Volume, nameof(Volume));
        Check(R0, "first series");
        Check(R1, "second series");
        if ((used & PriceInputs.Time) != 0 && Time.Length != Length)
        {
            throw new ArgumentException("The indicator needs bar times: the input has none or too few.");
        }
    }

    public int Length { get; }

    public ReadOnlySpan<double> Open { get; }

    public ReadOnlySpan<double> High { get; }

    public ReadOnlySpan<double> Low { get; }

    public ReadOnlySpan<double> Close { get; }

    public ReadOnlySpan<double> Volume { get; }

    public ReadOnlySpan<long> Time { get; }

    public ReadOnlySpan<double> R0 { get; }

    public ReadOnlySpan<double> R1 { get; }

    private void Check(ReadOnlySpan<double> column, string name)
    {
        if (!column.IsEmpty && column.Length != Length)
        {
            throw new ArgumentException(FormattableString.Invariant($"Column {name} has {column.Length} values, expected {Length}."));
        }
    }

    /// <summary>True when every column read at <paramref name="i"/> is finite (the invalid-bar rule).</summary>
    public bool IsValid(int i) =>
        (Open.IsEmpty || double.IsFinite(Open[i]))
        && (High.IsEmpty || double.IsFinite(High[i]))
        && (Low.IsEmpty || double.IsFinite(Low[i]))
        && (Close.IsEmpty || double.IsFinite(Close[i]))
        && (Volume.IsEmpty || double.IsFinite(Volume[i]))
        && (R0.IsEmpty || double.IsFinite(R0[i]))
        && (R1.IsEmpty || double.IsFinite(R1[i]));

    public void Fill(int i, ref Tick t)
    {
        if (!Time.IsEmpty)
        {
            t.Time = Time[i];
        }

        if (!Open.IsEmpty)
        {
            t.Open = Open[i];
        }

        if (!High.IsEmpty)
        {
            t.High = High[i];
        }

        if (!Low.IsEmpty)
        {
            t.Low = Low[i];
        }

        if (!Close.IsEmpty)
        {
            t.Close = Close[i];
        }

        if (!Volume.IsEmpty)
        {
            t.Volume = Volume[i];
        }

        if (!R0.IsEmpty)
        {
            t.R0 = R0[i];
        }

        if (!R1.IsEmpty)
        {
            t.R1 = R1[i];
        }
    }

    /// <summary>Index of the first invalid bar at or after <paramref name="start"/>, or <see cref="Length"/>.</summary>
    public int NextInvalid(int start)
    {
        int end = Length;
        end = Scan(Open, start, end);
        end = Scan(High, start, end);
        end = Scan(Low, start, end);
        end = Scan(Close, start, end);
        end = Scan(Volume, start, end);
        end = Scan(R0, start, end);
        return Scan(R1, start, end);
    }

    private static int Scan(ReadOnlySpan<double> s, int start, int end)
    {
        if (s.IsEmpty)
        {
            return end;
        }

        for (int i = start; i < end; i++)
        {
            if (!double.IsFinite(s[i]))
            {
                return i;
            }
        }

        return end;
    }
}

/// <summary>Up to five output spans of a batch run.</summary>
internal ref struct Outputs
{
    public Span<double> O0;
    public Span<double> O1;
    public Span<double> O2;
    public Span<double> O3;
    public Span<double> O4;
    public int Count;

    public Outputs(double[][] arrays, int length)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        Count = arrays.Length;
        if (Count > 5)
        {
            throw new ArgumentException("At most five outputs are supported.", nameof(arrays));
        }

        for (int k = 0; k < Count; k++)
        {
            ArgumentNullException.ThrowIfNull(arrays[k]);
            if (arrays[k].Length < length)
            {
                throw new ArgumentException(FormattableString.Invariant($"Output {k} is shorter than the input ({arrays[k].Length} < {length})."), nameof(arrays));
            }
        }

        O0 = Count > 0 ? arrays[0].AsSpan(0, length) : default;
        O1 = Count > 1 ? arrays[1].AsSpan(0, length) : default;
        O2 = Count > 2 ? arrays[2].AsSpan(0, length) : default;
        O3 = Count > 3 ? arrays[3].AsSpan(0, length) : default;
        O4 = Count > 4 ? arrays[4].AsSpan(0, length) : default;
    }

    public Outputs(Span<double> o0, Span<double> o1 = default, Span<double> o2 = default, Span<double> o3 = default, Span<double> o4 = default)
    {
        O0 = o0;
        O1 = o1;
        O2 = o2;
        O3 = o3;
        O4 = o4;
        Count = o4.IsEmpty ? o3.IsEmpty ? o2.IsEmpty ? o1.IsEmpty ? 1 : 2 : 3 : 4 : 5;
    }

    public readonly void Set(int i, ReadOnlySpan<double> v)
    {
        switch (Count)
        {
            case 5:
                O4[i] = v[4];
                goto case 4;
            case 4:
                O3[i] = v[3];
                goto case 3;
            case 3:
                O2[i] = v[2];
                goto case 2;
            case 2:
                O1[i] = v[1];
                goto case 1;
            case 1:
                O0[i] = v[0];
                break;
        }
    }

    public readonly void SetNaN(int from, int to)
    {
        if (to <= from)
        {
            return;
        }

        O0.Slice(from, to - from).Fill(double.NaN);
        if (Count > 1)
        {
            O1.Slice(from, to - from).Fill(double.NaN);
        }

        if (Count > 2)
        {
            O2.Slice(from, to - from).Fill(double.NaN);
        }

        if (Count > 3)
        {
            O3.Slice(from, to - from).Fill(double.NaN);
        }

        if (Count > 4)
        {
            O4.Slice(from, to - from).Fill(double.NaN);
        }
    }
}

/// <summary>
/// A fast batch kernel for one valid segment (no invalid bar in it): writes NaN on the segment's first lookback
/// bars and the values after, bit-identical to running the core bar by bar.
/// </summary>
internal delegate void SegmentKernel(in Columns columns, int start, int end, ReadOnlySpan<double> parameters, in Outputs outputs);

/// <summary>A kernel over one valid segment of a single series (no invalid value in it).</summary>
internal delegate void SeriesKernel(ReadOnlySpan<double> src, Span<double> dst, int period);

/// <summary>The batch loop shared by every core: splits at invalid bars and runs each valid segment afresh.</summary>
internal static class Runner
{
    // Full optimisation at first call: each run is one long loop, usually entered once per series.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TCore>(ref TCore core, int lookback, in Columns cols, in Outputs outs)
        where TCore : struct, ICore
    {
        Span<double> v = stackalloc double[5];
        var tick = default(Tick);
        int n = cols.Length;
        // Hoisted columns: the per-bar fill then costs one predictable branch per column.
        var time = cols.Time;
        var open = cols.Open;
        var high = cols.High;
        var low = cols.Low;
        var close = cols.Close;
        var volume = cols.Volume;
        var r0 = cols.R0;
        var r1 = cols.R1;
        bool hasTime = !time.IsEmpty, hasOpen = !open.IsEmpty, hasHigh = !high.IsEmpty, hasLow = !low.IsEmpty;
        bool hasClose = !close.IsEmpty, hasVolume = !volume.IsEmpty, hasR0 = !r0.IsEmpty, hasR1 = !r1.IsEmpty;
        var o0 = outs.O0;
        int count = outs.Count;
        int start = 0;
        while (start < n)
        {
            int end = cols.NextInvalid(start);
            core.Reset();
            int firstOut = Math.Min(end, start + lookback);
            for (int i = start; i < end; i++)
            {
                if (hasTime)
                {
                    tick.Time = time[i];
                }

                if (hasOpen)
                {
                    tick.Open = open[i];
                }

                if (hasHigh)
                {
                    tick.High = high[i];
                }

                if (hasLow)
                {
                    tick.Low = low[i];
                }

                if (hasClose)
                {
                    tick.Close = close[i];
                }

                if (hasVolume)
                {
                    tick.Volume = volume[i];
                }

                if (hasR0)
                {
                    tick.R0 = r0[i];
                }

                if (hasR1)
                {
                    tick.R1 = r1[i];
                }

                core.Update(tick, v);
                if (i >= firstOut)
                {
                    if (count == 1)
                    {
                        o0[i] = v[0];
                    }
                    else
                    {
                        outs.Set(i, v);
                    }
                }
            }

            outs.SetNaN(start, firstOut);
            if (end < n)
            {
                outs.SetNaN(end, end + 1);
            }

            start = end + 1;
        }
    }

    /// <summary>Index of the first non-finite value of <paramref name="s"/> in [start, end), or end (empty spans: end).</summary>
    public static int NextInvalid(ReadOnlySpan<double> s, int start, int end)
    {
        if (s.IsEmpty)
        {
            return end;
        }

        for (int i = start; i < end; i++)
        {
            if (!double.IsFinite(s[i]))
            {
                return i;
            }
        }

        return end;
    }

    /// <summary>Applies a single-series kernel to each valid segment of <paramref name="src"/>, NaN on invalid bars.</summary>
    // Full optimisation at first call: each run is one long loop, usually entered once per series.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Segmented(ReadOnlySpan<double> src, Span<double> dst, int period, SeriesKernel kernel)
    {
        if (dst.Length < src.Length)
        {
            throw new ArgumentException("Destination is shorter than the source.", nameof(dst));
        }

        int n = src.Length, start = 0;
        while (start < n)
        {
            int end = NextInvalid(src, start, n);
            if (end > start)
            {
                kernel(src[start..end], dst[start..end], period);
            }

            if (end < n)
            {
                dst[end] = double.NaN;
            }

            start = end + 1;
        }
    }

    /// <summary>Runs a fast kernel over each valid segment (NaN on invalid bars).</summary>
    // Full optimisation at first call: each run is one long loop, usually entered once per series.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RunKernel(SegmentKernel kernel, in Columns cols, ReadOnlySpan<double> parameters, in Outputs outs)
    {
        int n = cols.Length;
        int start = 0;
        while (start < n)
        {
            int end = cols.NextInvalid(start);
            if (end > start)
            {
                kernel(cols, start, end, parameters, outs);
            }

            if (end < n)
            {
                outs.SetNaN(end, end + 1);
            }

            start = end + 1;
        }
    }

    /// <summary>Runs a core over bar columns (typed APIs of OHLCV indicators), with the invalid-bar rule.</summary>
    public static void Bars<TCore>(ref TCore core, int lookback, in OhlcvInput input, PriceInputs used, in Outputs outs)
        where TCore : struct, ICore =>
        Run(ref core, lookback, new Columns(input, used, default, default), outs);

    /// <summary>Convenience for single-series, single-output typed APIs.</summary>
    public static void Single<TCore>(ref TCore core, int lookback, ReadOnlySpan<double> src, Span<double> dst)
        where TCore : struct, ICore
    {
        if (dst.Length < src.Length)
        {
            throw new ArgumentException("Destination is shorter than the source.", nameof(dst));
        }

        var input = new OhlcvInput(default, default, default, default, default, default, src);
        var cols = new Columns(input, PriceInputs.None, src, default);
        Run(ref core, lookback, cols, new Outputs(dst[..src.Length]));
    }
}
