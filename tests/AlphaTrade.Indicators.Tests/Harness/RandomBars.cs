namespace AlphaTrade.Indicators.Tests.Harness;

/// <summary>
/// Seeded random bars for property tests: 5-minute bars over New York sessions (so session-anchored indicators
/// reset), random walks with regime changes, flat stretches (identical OHLC, zero volume), gaps between sessions
/// and inside them, and optional invalid (NaN) bars.
/// </summary>
public static class RandomBars
{
    public static FixtureBars Create(int seed, int count, bool withInvalid)
    {
        var r = new Random(seed);
        var time = new long[count];
        var open = new double[count];
        var high = new double[count];
        var low = new double[count];
        var close = new double[count];
        var volume = new double[count];
        var extra = new double[count];
        double price = 50 + (r.NextDouble() * 100);
        // 2024-03-01 14:30 UTC (09:30 New York); 78 five-minute bars a session, sessions a weekday apart.
        var day = new DateTime(2024, 3, 1, 14, 30, 0, DateTimeKind.Utc);
        int barInSession = 0;
        int flatLeft = 0;
        double drift = 0, vol = 0.002;
        for (int i = 0; i < count; i++)
        {
            if (barInSession == 78 || (barInSession > 10 && r.NextDouble() < 0.003))
            {
                do
                {
                    day = day.AddDays(1);
                }
                while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);

                barInSession = 0;
            }

            if (r.NextDouble() < 0.01)
            {
                barInSession++; // a missing bar inside the session
            }

            time[i] = day.AddMinutes(5 * barInSession).Ticks;
            barInSession++;
            if (r.NextDouble() < 0.02)
            {
                drift = (r.NextDouble() - 0.5) * 0.002;
                vol = 0.0005 + (r.NextDouble() * 0.01);
            }

            if (flatLeft == 0 && r.NextDouble() < 0.01)
            {
                flatLeft = r.Next(3, 40);
            }

            if (flatLeft > 0)
            {
                flatLeft--;
                open[i] = high[i] = low[i] = close[i] = price;
                volume[i] = r.NextDouble() < 0.5 ? 0 : 100;
            }
            else
            {
                double o = r.NextDouble() < 0.05 ? price * (1 + ((r.NextDouble() - 0.5) * 0.05)) : price;
                double c = o * (1 + drift + (vol * Normal(r)));
                c = Math.Max(0.5, c);
                double h = Math.Max(o, c) * (1 + (Math.Abs(Normal(r)) * vol * 0.5));
                double l = Math.Min(o, c) * (1 - (Math.Abs(Normal(r)) * vol * 0.5));
                open[i] = Math.Round(o, 2);
                close[i] = Math.Round(c, 2);
                high[i] = Math.Max(Math.Round(h, 2), Math.Max(open[i], close[i]));
                low[i] = Math.Min(Math.Round(l, 2), Math.Min(open[i], close[i]));
                volume[i] = r.NextDouble() < 0.02 ? 0 : Math.Round(Math.Exp(8 + Normal(r)));
                price = close[i];
            }

            extra[i] = r.Next(1, 45) + (r.NextDouble() < 0.2 ? 0.5 : 0);
            if (withInvalid && r.NextDouble() < 0.002)
            {
                switch (r.Next(4))
                {
                    case 0: close[i] = double.NaN; break;
                    case 1: high[i] = double.NaN; break;
                    case 2: volume[i] = double.NaN; break;
                    default: open[i] = double.PositiveInfinity; break;
                }
            }
        }

        return new FixtureBars(time, open, high, low, close, volume, extra);
    }

    private static double Normal(Random r)
    {
        double u = 1 - r.NextDouble(), v = r.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
