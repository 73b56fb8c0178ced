using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Data.Sample;
using AlphaTrade.Risk.Limits;
using MathNet.Numerics.Distributions;

namespace AlphaTrade.Risk.Tests;

/// <summary>
/// The backtest's VaR-limit covariance (<see cref="TrailingRiskModel"/>): daily close-to-close returns of the days
/// strictly before the trading day, nothing from the day itself or later.
/// </summary>
public class TrailingRiskModelTests
{
    private static readonly Lazy<SampleMarket> Market = new(() => new SampleMarketGenerator(NyseCalendar.Instance).Generate(new SampleMarketOptions
    {
        Start = new DateOnly(2024, 1, 2),
        End = new DateOnly(2024, 6, 28),
        Universe = [new SampleSymbol("KO", "Consumer Staples"), new SampleSymbol("PEP", "Consumer Staples"), new SampleSymbol("XOM", "Energy")],
        PlantCrash = false,
    }));

    private static DateOnly EasternDate(long utcTicks) => DateOnly.FromDateTime(UsEasternTime.ToEastern(new DateTime(utcTicks, DateTimeKind.Utc)));

    /// <summary>Each symbol's last close per New York date, computed here bar by bar without the model's code.</summary>
    private static SortedDictionary<DateOnly, double> DailyCloses(BarSeries s)
    {
        var closes = new SortedDictionary<DateOnly, double>();
        for (int i = 0; i < s.Count; i++)
        {
            closes[EasternDate(s.Time[i])] = s.Close[i];
        }

        return closes;
    }

    private static IReadOnlyList<BarSeries> Stocks => [.. Market.Value.Series.Where(s => s.Symbol != "SPY")];

    [Fact]
    public void Model_for_a_day_is_the_sample_covariance_of_the_sixty_daily_returns_before_it()
    {
        var stocks = Stocks;
        var model = new TrailingRiskModel(stocks, windowDays: 60, minDays: 20);
        var day = new DateOnly(2024, 5, 15);

        var columns = new List<double[]>();
        foreach (var s in stocks)
        {
            var before = DailyCloses(s).Where(kv => kv.Key < day).Select(kv => kv.Value).ToArray();
            var last61 = before[^61..];
            columns.Add([.. Enumerable.Range(1, 60).Select(j => (last61[j] / last61[j - 1]) - 1.0)]);
        }

        var expected = Covariance.Estimate(columns, CovarianceMethod.Sample);
        var riskModel = model.ModelFor(day);
        Assert.NotNull(riskModel);
        Assert.Equal(stocks.Select(s => s.Symbol), riskModel.Symbols);

        // Compare through the VaR of a few position vectors: z·√(v′Σv) with the covariance computed here.
        double z = Normal.InvCDF(0, 1, 0.99);
        double[][] vectors = [[100_000, 0, 0], [0, -50_000, 0], [40_000, 25_000, -30_000]];
        foreach (var v in vectors)
        {
            double q = 0;
            for (int i = 0; i < 3; i++)
            {
                for (int j = 0; j < 3; j++)
                {
                    q += v[i] * expected[i, j] * v[j];
                }
            }

            Assert.Equal(z * Math.Sqrt(q), riskModel.DailyVar(v, 0.99), 1e-9 * z * Math.Sqrt(q));
        }
    }

    [Fact]
    public void Model_for_a_day_is_unchanged_when_that_day_and_every_later_bar_change()
    {
        var stocks = Stocks;
        var day = new DateOnly(2024, 4, 10);
        var perturbed = stocks.Select(s =>
        {
            var copy = new BarSeries(s.Symbol, s.TimeFrame, s.Count);
            for (int i = 0; i < s.Count; i++)
            {
                double k = EasternDate(s.Time[i]) >= day ? 1.5 + (0.01 * (i % 7)) : 1.0;
                copy.Add(s.Time[i], s.Open[i] * k, s.High[i] * k, s.Low[i] * k, s.Close[i] * k, s.Volume[i]);
            }

            return copy;
        }).ToList();

        double[] v = [30_000, -20_000, 10_000];
        var original = new TrailingRiskModel(stocks).ModelFor(day);
        var changed = new TrailingRiskModel(perturbed).ModelFor(day);
        Assert.NotNull(original);
        Assert.NotNull(changed);
        Assert.Equal(original.DailyVar(v, 0.95), changed.DailyVar(v, 0.95));

        // The next day's model does see the changed day, so the perturbation is not a no-op.
        var next = NyseCalendar.Instance.Sessions(day.AddDays(1), day.AddDays(10)).First().Date;
        Assert.NotEqual(new TrailingRiskModel(stocks).ModelFor(next)!.DailyVar(v, 0.95), new TrailingRiskModel(perturbed).ModelFor(next)!.DailyVar(v, 0.95));
    }

    [Fact]
    public void No_model_while_fewer_than_the_minimum_daily_returns_lie_behind_the_day()
    {
        var model = new TrailingRiskModel(Stocks, windowDays: 60, minDays: 20);
        Assert.Null(model.ModelFor(new DateOnly(2024, 1, 2)));
        Assert.Null(model.ModelFor(new DateOnly(2024, 1, 25)));
        Assert.NotNull(model.ModelFor(new DateOnly(2024, 3, 1)));
    }

    [Fact]
    public void Models_computed_ahead_in_the_background_equal_the_ones_computed_on_demand()
    {
        var stocks = Stocks;
        var onDemand = new TrailingRiskModel(stocks, windowDays: 60, minDays: 20);
        var ahead = new TrailingRiskModel(stocks, windowDays: 60, minDays: 20);
        ahead.PrecomputeInBackground();
        double[] v = [1_000_000, -400_000, 250_000];
        int models = 0;
        for (var day = new DateOnly(2024, 1, 2); day <= new DateOnly(2024, 7, 3); day = day.AddDays(1))
        {
            var a = onDemand.ModelFor(day);
            var b = ahead.ModelFor(day); // data days come from the background thread, others (weekends, after the data) on demand
            Assert.Equal(a is null, b is null);
            if (a is not null)
            {
                Assert.Equal(a.Symbols, b!.Symbols);
                Assert.Equal(BitConverter.DoubleToInt64Bits(a.DailyVar(v, 0.99)), BitConverter.DoubleToInt64Bits(b.DailyVar(v, 0.99)));
                models++;
            }
        }

        Assert.True(models > 60, $"{models} days had a model");
    }
}
