using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Indicators;

namespace AlphaTrade.Features.Engine;

/// <summary>Builds <see cref="BarContext"/> bar by bar; the batch and the live engines both use it.</summary>
internal sealed class BarContextTracker
{
    private readonly ITradingCalendar _calendar;
    private readonly TimeFrame _timeFrame;
    private readonly IIndicatorStream _atr;
    private TradingSession? _session;
    private DateOnly _date;
    private bool _any;
    private int _dayIndex = -1;
    private int _barInSession;
    private double _prevClose = double.NaN;
    private double _sessionOpen = double.NaN;
    private double _sessionHigh = double.NaN;
    private double _sessionLow = double.NaN;
    private double _sessionVolume;
    private int _sessionsLeftInMonth;
    private double _prevSessionClose = double.NaN;
    private double _prevSessionHigh = double.NaN;
    private double _prevSessionLow = double.NaN;

    public BarContextTracker(ITradingCalendar calendar, TimeFrame timeFrame, int atrPeriod)
    {
        _calendar = calendar;
        _timeFrame = timeFrame;
        _atr = IndicatorRegistry.Get("atr").CreateStream([atrPeriod]);
    }

    public BarContext Update(long time, double open, double high, double low, double close, double volume)
    {
        var utc = new DateTime(time, DateTimeKind.Utc);
        if (_session is not { } cur || !cur.Contains(utc))
        {
            _session = _calendar.SessionAt(utc);
        }

        DateOnly date = _session is { } s0 ? s0.Date : DateOnly.FromDateTime(_calendar.ToExchangeTime(utc));
        bool newSession = !_any || date != _date;
        if (newSession)
        {
            if (_any)
            {
                _prevSessionClose = _prevClose;
                _prevSessionHigh = _sessionHigh;
                _prevSessionLow = _sessionLow;
            }

            _date = date;
            _dayIndex++;
            _barInSession = 0;
            _sessionOpen = open;
            _sessionHigh = high;
            _sessionLow = low;
            _sessionVolume = 0;
            var monthEnd = new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));
            _sessionsLeftInMonth = date >= monthEnd ? 0 : _calendar.Sessions(date.AddDays(1), monthEnd).Count();
        }
        else
        {
            _barInSession++;
            _sessionHigh = Math.Max(_sessionHigh, high);
            _sessionLow = Math.Min(_sessionLow, low);
        }

        _sessionVolume += volume;
        _any = true;
        _atr.Update(new Bar(time, open, high, low, close, volume));

        var c = new BarContext
        {
            Time = time,
            Open = open,
            High = high,
            Low = low,
            Close = close,
            Volume = volume,
            PrevClose = _prevClose,
            LogReturn = _prevClose > 0 && close > 0 ? Math.Log(close / _prevClose) : double.NaN,
            NewSession = newSession,
            DayIndex = _dayIndex,
            BarInSession = _barInSession,
            Date = date,
            SessionOpen = _sessionOpen,
            SessionHigh = _sessionHigh,
            SessionLow = _sessionLow,
            SessionVolume = _sessionVolume,
            PrevSessionClose = _prevSessionClose,
            PrevSessionHigh = _prevSessionHigh,
            PrevSessionLow = _prevSessionLow,
            SessionsLeftInMonth = _sessionsLeftInMonth,
            Atr = _atr[0],
        };

        long step = _timeFrame.IsDaily ? 0 : _timeFrame.Duration.Ticks;
        if (_session is { } s)
        {
            long open0 = s.OpenUtc.Ticks, close0 = s.CloseUtc.Ticks;
            c.InSession = true;
            c.EarlyClose = s.IsEarlyClose;
            c.MinutesFromOpen = (time - open0) / (double)TimeSpan.TicksPerMinute;
            c.SessionMinutes = (close0 - open0) / (double)TimeSpan.TicksPerMinute;
            c.DecisionTime = step == 0 ? close0 : Math.Min(time + step, close0);
            c.LastBarOfSession = step == 0 || time + step >= close0;
        }
        else
        {
            c.MinutesFromOpen = double.NaN;
            c.SessionMinutes = double.NaN;
            c.DecisionTime = time + (step == 0 ? TimeSpan.TicksPerDay : step);
        }

        _prevClose = close;
        return c;
    }
}
