using System.Buffers;
using System.Buffers.Text;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.IO;

namespace AlphaTrade.Data.Sample;

/// <summary>
/// Writes a series in the vendor CSV format: header <c>timestamp,open,high,low,close,volume</c>, one row per bar in
/// series order, bar-start timestamps in ISO-8601 New York time with offset, prices with two decimals, volumes as
/// whole shares. Rows are formatted straight into a pooled UTF-8 buffer: no string per row.
/// </summary>
public static class VendorCsvWriter
{
    /// <summary>The header line (without its newline).</summary>
    public const string Header = "timestamp,open,high,low,close,volume";

    private const int BufferSize = 1 << 17;
    private const int MaxRowBytes = 256;

    /// <summary>Writes <paramref name="series"/> to <paramref name="destination"/>; timestamps use <paramref name="calendar"/>'s time zone.</summary>
    public static void Write(BarSeries series, Stream destination, ITradingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(calendar);
        var stamps = new IsoTimestamp(calendar);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int pos = 0;
            "timestamp,open,high,low,close,volume\n"u8.CopyTo(buffer);
            pos += Header.Length + 1;
            var time = series.Time;
            var open = series.Open;
            var high = series.High;
            var low = series.Low;
            var close = series.Close;
            var volume = series.Volume;
            for (int i = 0; i < time.Length; i++)
            {
                if (buffer.Length - pos < MaxRowBytes)
                {
                    destination.Write(buffer, 0, pos);
                    pos = 0;
                }

                var span = buffer.AsSpan(pos);
                int w = stamps.Write(span, time[i]);
                span[w++] = (byte)',';
                w += WritePrice(span[w..], open[i]);
                span[w++] = (byte)',';
                w += WritePrice(span[w..], high[i]);
                span[w++] = (byte)',';
                w += WritePrice(span[w..], low[i]);
                span[w++] = (byte)',';
                w += WritePrice(span[w..], close[i]);
                span[w++] = (byte)',';
                w += WriteVolume(span[w..], volume[i]);
                span[w++] = (byte)'\n';
                pos += w;
            }

            destination.Write(buffer, 0, pos);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Writes <paramref name="series"/> to <paramref name="path"/> atomically: into a temporary file beside it, then
    /// moved over the target, so readers never see a half-written file.
    /// </summary>
    public static void WriteFile(BarSeries series, string path, ITradingCalendar calendar)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, stream => Write(series, stream, calendar));
    }

    /// <summary>Writes a price as fixed-point with two decimals ("190.12"); non-finite values as "NaN".</summary>
    internal static int WritePrice(Span<byte> dest, double price)
    {
        if (!double.IsFinite(price))
        {
            "NaN"u8.CopyTo(dest);
            return 3;
        }

        long cents = (long)Math.Round(price * 100.0, MidpointRounding.AwayFromZero);
        int w = 0;
        if (cents < 0)
        {
            dest[w++] = (byte)'-';
            cents = -cents;
        }

        Utf8Formatter.TryFormat(cents / 100, dest[w..], out int n);
        w += n;
        long frac = cents % 100;
        dest[w++] = (byte)'.';
        dest[w++] = (byte)('0' + (frac / 10));
        dest[w++] = (byte)('0' + (frac % 10));
        return w;
    }

    /// <summary>Writes a volume as a whole number of shares.</summary>
    internal static int WriteVolume(Span<byte> dest, double volume)
    {
        long v = double.IsFinite(volume) ? (long)Math.Round(volume, MidpointRounding.AwayFromZero) : 0;
        Utf8Formatter.TryFormat(v, dest, out int n);
        return n;
    }
}
