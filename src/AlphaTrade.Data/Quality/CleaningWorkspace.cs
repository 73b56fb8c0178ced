using System.Buffers;
using AlphaTrade.Core.Market;

namespace AlphaTrade.Data.Quality;

/// <summary>
/// The columns of one series while it is being cleaned, in pooled arrays so cleaning a universe does not churn
/// the heap. Stages mark rows in <see cref="Keep"/> and call <see cref="Compact"/>; <see cref="Session"/> travels
/// with the rows (index into the session array, −1 outside the regular session).
/// </summary>
internal sealed class CleaningWorkspace : IDisposable
{
    public CleaningWorkspace(int capacity, bool withVwap, bool withTradeCount)
    {
        int cap = Math.Max(capacity, 1);
        Time = ArrayPool<long>.Shared.Rent(cap);
        Open = ArrayPool<double>.Shared.Rent(cap);
        High = ArrayPool<double>.Shared.Rent(cap);
        Low = ArrayPool<double>.Shared.Rent(cap);
        Close = ArrayPool<double>.Shared.Rent(cap);
        Volume = ArrayPool<double>.Shared.Rent(cap);
        Vwap = withVwap ? ArrayPool<double>.Shared.Rent(cap) : null;
        TradeCount = withTradeCount ? ArrayPool<double>.Shared.Rent(cap) : null;
        Flags = ArrayPool<BarFlags>.Shared.Rent(cap);
        Session = ArrayPool<int>.Shared.Rent(cap);
        Keep = ArrayPool<bool>.Shared.Rent(cap);
    }

    public long[] Time { get; }

    public double[] Open { get; }

    public double[] High { get; }

    public double[] Low { get; }

    public double[] Close { get; }

    public double[] Volume { get; }

    public double[]? Vwap { get; }

    public double[]? TradeCount { get; }

    public BarFlags[] Flags { get; }

    public int[] Session { get; }

    public bool[] Keep { get; }

    public int Count { get; private set; }

    /// <summary>Copies <paramref name="raw"/> in the row order given by <paramref name="order"/>.</summary>
    public void LoadInOrder(BarSeries raw, ReadOnlySpan<int> order)
    {
        var time = raw.Time;
        var open = raw.Open;
        var high = raw.High;
        var low = raw.Low;
        var close = raw.Close;
        var volume = raw.Volume;
        var flags = raw.Flags;
        var vwap = raw.Vwap;
        var trades = raw.TradeCount;
        for (int i = 0; i < order.Length; i++)
        {
            int j = order[i];
            Time[i] = time[j];
            Open[i] = open[j];
            High[i] = high[j];
            Low[i] = low[j];
            Close[i] = close[j];
            Volume[i] = volume[j];
            Flags[i] = flags[j];
            if (Vwap is not null)
            {
                Vwap[i] = vwap[j];
            }

            if (TradeCount is not null)
            {
                TradeCount[i] = trades[j];
            }
        }

        Count = order.Length;
        Session.AsSpan(0, Count).Fill(-1);
        Keep.AsSpan(0, Count).Fill(true);
    }

    /// <summary>Removes the rows whose <see cref="Keep"/> is false, keeping order; returns how many went.</summary>
    public int Compact()
    {
        int w = 0;
        for (int r = 0; r < Count; r++)
        {
            if (!Keep[r])
            {
                continue;
            }

            if (w != r)
            {
                Time[w] = Time[r];
                Open[w] = Open[r];
                High[w] = High[r];
                Low[w] = Low[r];
                Close[w] = Close[r];
                Volume[w] = Volume[r];
                Flags[w] = Flags[r];
                Session[w] = Session[r];
                if (Vwap is not null)
                {
                    Vwap[w] = Vwap[r];
                }

                if (TradeCount is not null)
                {
                    TradeCount[w] = TradeCount[r];
                }
            }

            w++;
        }

        int removed = Count - w;
        Count = w;
        Keep.AsSpan(0, w).Fill(true);
        return removed;
    }

    /// <summary>True when row <paramref name="i"/> lies in a regular session.</summary>
    public bool IsRegular(int i) => Session[i] >= 0;

    public void Dispose()
    {
        ArrayPool<long>.Shared.Return(Time);
        ArrayPool<double>.Shared.Return(Open);
        ArrayPool<double>.Shared.Return(High);
        ArrayPool<double>.Shared.Return(Low);
        ArrayPool<double>.Shared.Return(Close);
        ArrayPool<double>.Shared.Return(Volume);
        if (Vwap is not null)
        {
            ArrayPool<double>.Shared.Return(Vwap);
        }

        if (TradeCount is not null)
        {
            ArrayPool<double>.Shared.Return(TradeCount);
        }

        ArrayPool<BarFlags>.Shared.Return(Flags);
        ArrayPool<int>.Shared.Return(Session);
        ArrayPool<bool>.Shared.Return(Keep);
    }
}
