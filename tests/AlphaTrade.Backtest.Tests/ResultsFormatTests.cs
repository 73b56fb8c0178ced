using System.Globalization;
using AlphaTrade.Backtest.Results;

namespace AlphaTrade.Backtest.Tests;

public sealed class ResultsFormatTests
{
    [Fact]
    public void Time_AnyInstant_MatchesTheIsoFormatString()
    {
        // Independent reference: DateTime's custom format strings.
        var rng = new Random(5);
        long min = new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks, max = new DateTime(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc).Ticks;
        for (int i = 0; i < 200_000; i++)
        {
            long ticks = rng.NextInt64(min, max);
            if (i % 2 == 0)
            {
                ticks -= ticks % TimeSpan.TicksPerSecond;
            }

            var t = new DateTime(ticks, DateTimeKind.Utc);
            string expected = ticks % TimeSpan.TicksPerSecond == 0
                ? t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
            Assert.Equal(expected, ResultsFormat.Time(ticks));
        }
    }
}
