using AlphaTrade.Core.Time;

namespace AlphaTrade.Data.Loading;

/// <summary>Infers a bar size from sample bar times.</summary>
internal static class BarStep
{
    /// <summary>
    /// The smallest positive gap between the sorted sample times, read as a bar size: about a day or more is daily,
    /// a whole number of minutes up to 390 is intraday. False when the sample gives no usable gap.
    /// </summary>
    public static bool TryInfer(List<long> times, out TimeFrame timeFrame)
    {
        timeFrame = default;
        times.Sort();
        long step = long.MaxValue;
        for (int i = 1; i < times.Count; i++)
        {
            long delta = times[i] - times[i - 1];
            if (delta > 0 && delta < step)
            {
                step = delta;
            }
        }

        if (step == long.MaxValue)
        {
            return false;
        }

        if (step >= TimeSpan.TicksPerDay - TimeSpan.TicksPerHour)
        {
            timeFrame = TimeFrame.Daily;
            return true;
        }

        if (step % TimeSpan.TicksPerMinute == 0 && step / TimeSpan.TicksPerMinute <= 390)
        {
            timeFrame = TimeFrame.FromMinutes((int)(step / TimeSpan.TicksPerMinute));
            return true;
        }

        return false;
    }
}
