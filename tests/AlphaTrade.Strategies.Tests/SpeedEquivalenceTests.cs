using AlphaTrade.Core.Market;
using AlphaTrade.Engine.Strategies;
using AlphaTrade.Statistics;
using AlphaTrade.Strategies.Framework;
using AlphaTrade.Strategies.Library;

namespace AlphaTrade.Strategies.Tests;

/// <summary>
/// The speed-ups of the strategy path compute exactly what the straightforward code computed: cached log closes and log
/// returns equal the inline expressions bit for bit while the history grows, trims and skips bars, the fused
/// Engle–Granger screen equals its seven-pass form bit for bit (also with each series' sums computed once and given),
/// and the bounded screen drops only pairs whose exact p-value is above the bound.
/// </summary>
public sealed class SpeedEquivalenceTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Cached_close_transforms_equal_the_inline_expressions_as_the_history_grows_trims_and_skips_bars(bool logReturns)
    {
        var transform = logReturns ? CloseTransform.LogReturn : CloseTransform.LogClose;
        var symbols = new SymbolTable(["A", "B", "C"]);
        var history = new MarketHistory(symbols, 50);
        var cache = new CloseTransformCache(transform);
        var rng = new Random(5);
        var price = new[] { 100.0, 50.0, 20.0 };
        for (int step = 0; step < 400; step++)
        {
            for (int id = 0; id < 3; id++)
            {
                // B misses a bar now and then; C is read only every 37 steps (long stretches of new bars at once).
                if (id == 1 && rng.Next(5) == 0)
                {
                    continue;
                }

                price[id] *= Math.Exp((rng.NextDouble() - 0.5) * 0.02);
                history.Append(id, step * 10L, price[id], price[id], price[id], price[id], 1);
            }

            for (int id = 0; id < 3; id++)
            {
                if (id == 2 && step % 37 != 0)
                {
                    continue;
                }

                AssertEqualsInline(transform, history.Close(id), cache.Get(history, id), rebuilt: step == 0);
            }
        }

        // Another view (e.g. a restored history) with the same bar times: rebuilt from its own closes, not reused.
        var other = new MarketHistory(symbols, 50);
        for (int i = 0; i < 30; i++)
        {
            other.Append(0, (400 - 30 + i) * 10L, 7 + i, 7 + i, 7 + i, 7 + i, 1);
        }

        AssertEqualsInline(transform, other.Close(0), cache.Get(other, 0), rebuilt: true);
    }

    [Fact]
    public void The_pairs_log_close_history_holds_what_a_base_history_of_the_same_capacity_holds()
    {
        var symbols = new SymbolTable(["A", "B"]);
        var history = new MarketHistory(symbols, 40);
        var logs = new LogCloseHistory(2, 40);
        var rng = new Random(9);
        double price = 30;
        for (int step = 0; step < 300; step++)
        {
            for (int id = 0; id < 2; id++)
            {
                if (id == 1 && rng.Next(4) == 0)
                {
                    continue;
                }

                price *= Math.Exp((rng.NextDouble() - 0.5) * 0.02);
                history.Append(id, step * 10L, price, price, price, price, 1);
                logs.Append(id, step * 10L, Math.Log(price));
                Assert.Equal(history.Length(id), logs.Length(id));
                Assert.True(history.Time(id).SequenceEqual(logs.Time(id)));
                var close = history.Close(id);
                var log = logs.Log(id);
                for (int i = 0; i < close.Length; i++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(Math.Log(close[i])), BitConverter.DoubleToInt64Bits(log[i]));
                }
            }
        }
    }

    [Fact]
    public void The_fused_pair_screen_is_bit_identical_to_the_seven_pass_form()
    {
        var rng = new Random(11);
        foreach (int n in new[] { 10, 11, 57, 520, 3900 })
        {
            var x = new double[n];
            var y = new double[n];
            double lx = 4, spread = 0;
            for (int i = 0; i < n; i++)
            {
                lx += (rng.NextDouble() - 0.5) * 0.01;
                spread = (0.9 * spread) + ((rng.NextDouble() - 0.5) * 0.004);
                x[i] = lx;
                y[i] = (0.8 * lx) + 0.1 + spread;
            }

            var fast = PairScreen.Test(y, x, new double[n]);
            var reference = SevenPass(y, x);
            Assert.Equal(reference, fast);
        }
    }

    [Fact]
    public void The_pair_screen_with_each_series_sums_given_is_bit_identical_to_the_plain_test()
    {
        var rng = new Random(23);
        foreach (int n in new[] { 10, 11, 57, 520, 3900 })
        {
            var (y, x) = RandomPair(rng, n, 0.9);
            var plain = PairScreen.Test(y, x, new double[n]);
            Assert.Equal(SevenPass(y, x), plain);
            Assert.Equal(plain, PairScreen.Test(y, x, new double[n], SeriesMoments.Of(y), SeriesMoments.Of(x)));
            Assert.Equal(plain, PairScreen.Screen(y, x, new double[n], SeriesMoments.Of(y), SeriesMoments.Of(x), double.NaN));
        }
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.05)]
    [InlineData(0.20)]
    public void The_bounded_pair_screen_drops_only_pairs_whose_exact_p_value_exceeds_the_bound(double maxP)
    {
        // Spreads from strongly mean-reverting to random walks, so p-values fall on both sides of the bound.
        var rng = new Random(41);
        int dropped = 0, kept = 0;
        for (int k = 0; k < 400; k++)
        {
            int n = k % 2 == 0 ? 520 : 3900;
            var (y, x) = RandomPair(rng, n, 0.95 + (0.05 * rng.NextDouble()));
            var exact = PairScreen.Test(y, x, new double[n]);
            var screened = PairScreen.Screen(y, x, new double[n], SeriesMoments.Of(y), SeriesMoments.Of(x), maxP);
            if (screened is { } r)
            {
                Assert.Equal(exact, r);
                kept++;
            }
            else
            {
                Assert.True(exact.PValue > maxP, $"dropped a pair with p = {exact.PValue}");
                dropped++;
            }
        }

        Assert.True(dropped > 50 && kept > 50, $"dropped {dropped}, kept {kept}");
    }

    // x a random walk in logs, y = 0.8·x + 0.1 + an AR(1) spread with coefficient phi (1: no cointegration).
    private static (double[] Y, double[] X) RandomPair(Random rng, int n, double phi)
    {
        var x = new double[n];
        var y = new double[n];
        double lx = 4, spread = 0;
        for (int i = 0; i < n; i++)
        {
            lx += (rng.NextDouble() - 0.5) * 0.01;
            spread = (phi * spread) + ((rng.NextDouble() - 0.5) * 0.004);
            x[i] = lx;
            y[i] = (0.8 * lx) + 0.1 + spread;
        }

        return (y, x);
    }

    private static void AssertEqualsInline(CloseTransform transform, ReadOnlySpan<double> close, ReadOnlySpan<double> cached, bool rebuilt)
    {
        Assert.Equal(close.Length, cached.Length);
        for (int i = 0; i < close.Length; i++)
        {
            if (transform == CloseTransform.LogClose)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(Math.Log(close[i])), BitConverter.DoubleToInt64Bits(cached[i]));
            }
            else if (i > 0)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(Math.Log(close[i] / close[i - 1])), BitConverter.DoubleToInt64Bits(cached[i]));
            }
            else if (rebuilt)
            {
                Assert.True(double.IsNaN(cached[0]));
            }
        }
    }

    // The screen as it was written before the passes were fused: the reference for bit-identity.
    private static PairScreenResult SevenPass(double[] y, double[] x)
    {
        int n = y.Length;
        double sx = 0, sy = 0;
        for (int i = 0; i < n; i++)
        {
            sx += x[i];
            sy += y[i];
        }

        double mx = sx / n, my = sy / n, sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - mx;
            sxx += dx * dx;
            sxy += dx * (y[i] - my);
        }

        double beta = sxy / sxx;
        double alpha = my - (beta * mx);
        var e = new double[n];
        for (int i = 0; i < n; i++)
        {
            e[i] = y[i] - (beta * x[i]) - alpha;
        }

        double a11 = 0, a12 = 0, a22 = 0, b1 = 0, b2 = 0;
        for (int t = 2; t < n; t++)
        {
            double lvl = e[t - 1], dlag = e[t - 1] - e[t - 2], d = e[t] - e[t - 1];
            a11 += lvl * lvl;
            a12 += lvl * dlag;
            a22 += dlag * dlag;
            b1 += lvl * d;
            b2 += dlag * d;
        }

        double det = (a11 * a22) - (a12 * a12);
        double gamma = ((a22 * b1) - (a12 * b2)) / det;
        double phi = ((a11 * b2) - (a12 * b1)) / det;
        double ssr = 0;
        for (int t = 2; t < n; t++)
        {
            double lvl = e[t - 1], dlag = e[t - 1] - e[t - 2], d = e[t] - e[t - 1];
            double u = d - (gamma * lvl) - (phi * dlag);
            ssr += u * u;
        }

        double s2 = ssr / (n - 2 - 2);
        double tau = gamma / Math.Sqrt(s2 * a22 / det);
        double p = MacKinnon.PValue(tau, TrendTerms.Constant, 2);
        double sl = 0, sd = 0;
        for (int t = 1; t < n; t++)
        {
            sl += e[t - 1];
            sd += e[t] - e[t - 1];
        }

        int m = n - 1;
        double ml = sl / m, md = sd / m, sll = 0, sld = 0;
        for (int t = 1; t < n; t++)
        {
            double dl = e[t - 1] - ml;
            sll += dl * dl;
            sld += dl * (e[t] - e[t - 1] - md);
        }

        double b = sld / sll;
        double half = b < 0 && b > -1 ? -Math.Log(2) / Math.Log(1 + b) : (b <= -1 ? 0 : double.PositiveInfinity);
        return new PairScreenResult(beta, alpha, tau, p, half);
    }
}

/// <summary>
/// A host reading the engine's bar history (same capacity, every symbol a member, fresh start) decides exactly as one
/// keeping a private copy, for every library strategy; hosts that resume from state or trade a subset keep their own.
/// </summary>
public sealed class SharedHistoryTests
{
    public static TheoryData<string> Types() => [.. StrategyRegistry.Types.Take(6).Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Types))]
    public void A_host_sharing_the_engine_history_makes_the_same_fills_as_one_with_a_private_copy(string type)
    {
        var market = SampleData.Market;
        var shared = SampleData.Host(type, market, parameters: SampleData.Quick(type));
        var own = Host(type, market, privateHistory: true);
        var a = SampleData.Run(SampleData.Series(market), [shared]);
        var b = SampleData.Run(SampleData.Series(market), [own]);
        Assert.Equal(shared.BaseHistory.Capacity == 256, shared.SharesEngineHistory);
        Assert.False(own.SharesEngineHistory);
        Assert.NotEmpty(a.Fills);
        Assert.Equal(b.Fills.Count, a.Fills.Count);
        for (int i = 0; i < a.Fills.Count; i++)
        {
            var (x, y) = (a.Fills[i].Fill, b.Fills[i].Fill);
            Assert.Equal((y.TimeUtcTicks, y.Symbol, y.Side, y.Quantity, y.Price), (x.TimeUtcTicks, x.Symbol, x.Side, x.Quantity, x.Price));
        }

        Assert.Equal(b.FinalEquity, a.FinalEquity);
    }

    [Fact]
    public void A_host_trading_a_subset_keeps_its_own_history()
    {
        var market = SampleData.Market;
        var (strategy, p) = StrategyRegistry.Create(BollingerReversion.TypeName, null);
        var host = new StrategyHost("subset", strategy, new StrategyHostOptions
        {
            Calendar = SampleData.Calendar,
            Parameters = p,
            Symbols = ["AAPL", "MSFT"],
        });
        SampleData.Run(SampleData.Series(market), [host], endUtc: new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.False(host.SharesEngineHistory);
        Assert.Equal(0, host.BaseHistory.Length(host.Universe.Symbols.IdOf("XOM")));
    }

    private static StrategyHost Host(string type, AlphaTrade.Data.Sample.SampleMarket market, bool privateHistory)
    {
        var (strategy, p) = StrategyRegistry.Create(type, SampleData.Quick(type));
        return new StrategyHost(type, strategy, new StrategyHostOptions
        {
            Calendar = SampleData.Calendar,
            Parameters = p,
            Sectors = SampleData.Sectors(market),
            PrivateHistory = privateHistory,
        });
    }
}
