using AlphaTrade.Backtest.Venue;
using AlphaTrade.Cli.Backtesting;
using AlphaTrade.Configuration;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Portfolio;

namespace AlphaTrade.Cli.Optimize;

/// <summary>
/// What every simulated run of a sweep shares, from the validated configuration exactly as <c>alphatrade backtest</c>
/// reads it (<see cref="EngineSettings"/>): starting capital, account type (buying power), cost models and venue rules.
/// </summary>
internal sealed record SimulationSettings(decimal InitialCapital, MarginPolicy Margin, CostOptions Costs, VenueOptions Venue)
{
    public static SimulationSettings From(Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var costs = settings.Costs;
        var venue = new VenueSettings(costs.ParticipationCap, 0, settings.Backtest.Seed, 20 * 26);
        return new SimulationSettings(
            settings.Backtest.InitialCapital,
            EngineSettings.Margin(settings.Account.Type),
            EngineSettings.Costs(costs),
            EngineSettings.Venue(venue));
    }

    /// <summary>Ordered (key, value) pairs that identify the simulation, for the run id.</summary>
    public IEnumerable<KeyValuePair<string, string>> Describe()
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        yield return new("initial_capital", InitialCapital.ToString(c));
        yield return new("account", Margin.Name);
        yield return new("participation_cap", Venue.ParticipationCap is { } cap ? cap.ToString("R", c) : "off");
        yield return new("touch_fill_probability", Venue.TouchFillProbability.ToString("R", c));
        yield return new("venue_seed", Venue.Seed.ToString(c));
        yield return new("statistics_span_bars", Venue.StatisticsSpanBars.ToString(c));
        foreach (var kv in Costs.Describe())
        {
            yield return kv;
        }
    }
}
