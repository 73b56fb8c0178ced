using System.Buffers;
using System.Globalization;
using System.Text;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.IO;
using AlphaTrade.Indicators;

namespace AlphaTrade.Cli;

/// <summary>
/// Writes computed indicator columns as CSV: <c>timestamp</c> (bar start, exchange time with offset, as the vendor
/// files) then one column per output. Values use the shortest invariant form that round-trips; NaN (warm-up and
/// invalid bars) is an empty cell. Rows are formatted straight into a pooled UTF-8 buffer.
/// </summary>
internal static class IndicatorCsvWriter
{
    private const int BufferSize = 1 << 17;

    // "-1.2345678901234567E-300" is 24 bytes; 32 leaves room for the comma.
    private const int MaxCellBytes = 32;

    public static void WriteFile(string path, ReadOnlySpan<long> timeUtcTicks, IReadOnlyList<IndicatorColumn> columns, ITradingCalendar calendar)
    {
        long[] time = timeUtcTicks.ToArray();
        AtomicFile.Write(path, stream => Write(stream, time, columns, calendar));
    }

    public static void Write(Stream destination, ReadOnlySpan<long> timeUtcTicks, IReadOnlyList<IndicatorColumn> columns, ITradingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(calendar);
        var header = new StringBuilder("timestamp");
        foreach (var c in columns)
        {
            header.Append(',').Append(c.Name);
        }

        header.Append('\n');
        destination.Write(Encoding.UTF8.GetBytes(header.ToString()));
        var values = columns.Select(c => c.Values).ToArray();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int pos = 0;
            long hour = long.MinValue;
            TimeSpan offset = default;
            for (int i = 0; i < timeUtcTicks.Length; i++)
            {
                long t = timeUtcTicks[i];
                if (t / TimeSpan.TicksPerHour != hour)
                {
                    // Offsets change only on the hour.
                    hour = t / TimeSpan.TicksPerHour;
                    offset = calendar.ToExchangeTime(new DateTime(t, DateTimeKind.Utc)) - new DateTime(t, DateTimeKind.Utc);
                }

                Flush(destination, buffer, ref pos, 64);
                var stamp = new DateTimeOffset(new DateTime(t + offset.Ticks, DateTimeKind.Unspecified), offset);
                stamp.TryFormat(buffer.AsSpan(pos), out int n, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
                pos += n;
                foreach (var column in values)
                {
                    Flush(destination, buffer, ref pos, MaxCellBytes);
                    buffer[pos++] = (byte)',';
                    double v = column[i];
                    if (!double.IsNaN(v))
                    {
                        v.TryFormat(buffer.AsSpan(pos), out n, default, CultureInfo.InvariantCulture);
                        pos += n;
                    }
                }

                Flush(destination, buffer, ref pos, 1);
                buffer[pos++] = (byte)'\n';
            }

            destination.Write(buffer, 0, pos);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Flush(Stream destination, byte[] buffer, ref int pos, int needed)
    {
        if (buffer.Length - pos < needed)
        {
            destination.Write(buffer, 0, pos);
            pos = 0;
        }
    }
}
