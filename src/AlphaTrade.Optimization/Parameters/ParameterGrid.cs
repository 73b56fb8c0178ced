using System.Globalization;
using AlphaTrade.Core;

namespace AlphaTrade.Optimization.Parameters;

/// <summary>
/// The Cartesian product of parameter axes. Enumeration order is that of nested loops over the axes in the order
/// given: the first parameter varies slowest, the last fastest (like Python's <c>itertools.product</c>).
/// </summary>
public sealed class ParameterGrid
{
    /// <summary>The default cap on the number of configurations a sweep may run.</summary>
    public const int DefaultMaxConfigurations = 100_000;

    /// <summary>Grids with more raw combinations than this are not enumerated even when a constraint would thin them.</summary>
    public const long MaxRawCombinations = 50_000_000;

    private readonly string[] _names;

    /// <summary>Creates a grid; parameter names must be distinct.</summary>
    public ParameterGrid(IReadOnlyList<ParameterAxis> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Count == 0)
        {
            throw new ArgumentException("A grid needs at least one parameter.", nameof(axes));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in axes)
        {
            if (!names.Add(a.Name))
            {
                throw new ArgumentException($"Parameter '{a.Name}' appears twice.", nameof(axes));
            }
        }

        Axes = axes.ToArray();
        _names = Axes.Select(a => a.Name).ToArray();
    }

    /// <summary>The axes in enumeration order.</summary>
    public IReadOnlyList<ParameterAxis> Axes { get; }

    /// <summary>Parameter names in grid order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Number of combinations before any constraint (saturates at <see cref="long.MaxValue"/>).</summary>
    public long RawCount
    {
        get
        {
            long n = 1;
            foreach (var a in Axes)
            {
                n = n > long.MaxValue / a.Values.Count ? long.MaxValue : n * a.Values.Count;
            }

            return n;
        }
    }

    /// <summary>
    /// Parses every <c>--param</c> argument (see <see cref="ParameterAxis.Parse"/>); a parameter given twice, or no
    /// argument at all, is an <see cref="InputException"/>.
    /// </summary>
    public static ParameterGrid Parse(IEnumerable<string> arguments, string option = "--param")
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var axes = new List<ParameterAxis>();
        foreach (var arg in arguments)
        {
            var axis = ParameterAxis.Parse(arg, option);
            if (axes.Any(a => a.Name == axis.Name))
            {
                throw new InputException($"{option} '{arg}': parameter '{axis.Name}' is given more than once");
            }

            axes.Add(axis);
        }

        if (axes.Count == 0)
        {
            throw new InputException($"{option}: none given; {ParameterAxis.ExpectedForms}");
        }

        return new ParameterGrid(axes);
    }

    /// <summary>
    /// The configurations in deterministic order, those failing <paramref name="constraint"/> left out, indexed
    /// 0..M−1 in that order. Throws an <see cref="InputException"/> when more than
    /// <paramref name="maxConfigurations"/> remain, when the constraint leaves none, or when the raw grid is too
    /// large to enumerate (<see cref="MaxRawCombinations"/>).
    /// </summary>
    /// <param name="constraint">Keeps a configuration when true (e.g. <c>fast &lt; slow</c>); null keeps all.</param>
    /// <param name="maxConfigurations">The cap on the configurations returned.</param>
    /// <param name="constraintDescription">How error messages name the constraint (default "the constraint").</param>
    public IReadOnlyList<ParameterSet> Enumerate(Func<ParameterSet, bool>? constraint = null, int maxConfigurations = DefaultMaxConfigurations, string? constraintDescription = null)
    {
        string what = constraintDescription ?? "the constraint";
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConfigurations, 1);
        long raw = RawCount;
        if (constraint is null && raw > maxConfigurations)
        {
            throw new InputException(Invariant($"optimize: the parameter grid has {raw:N0} configurations, more than the cap of {maxConfigurations:N0}; narrow the --param ranges or raise the cap"));
        }

        if (raw > MaxRawCombinations)
        {
            throw new InputException(Invariant($"optimize: the parameter grid has {raw:N0} raw combinations, more than the {MaxRawCombinations:N0} that can be enumerated; narrow the --param ranges"));
        }

        var result = new List<ParameterSet>((int)Math.Min(raw, maxConfigurations));
        var odometer = new int[Axes.Count];
        var values = new ParameterValue[Axes.Count];
        long kept = 0;
        for (long k = 0; k < raw; k++)
        {
            for (int a = 0; a < values.Length; a++)
            {
                values[a] = Axes[a].Values[odometer[a]];
            }

            var set = new ParameterSet(result.Count, _names, values);
            if (constraint is null || constraint(set))
            {
                kept++;
                if (kept <= maxConfigurations)
                {
                    result.Add(set);
                }
            }

            // Advance the odometer: the last axis fastest.
            for (int a = odometer.Length - 1; a >= 0; a--)
            {
                if (++odometer[a] < Axes[a].Values.Count)
                {
                    break;
                }

                odometer[a] = 0;
            }
        }

        if (kept > maxConfigurations)
        {
            throw new InputException(Invariant($"optimize: {what} leaves {kept:N0} of the grid's {raw:N0} configurations, more than the cap of {maxConfigurations:N0}; narrow the --param ranges or raise the cap"));
        }

        if (kept == 0)
        {
            throw new InputException(Invariant($"optimize: {what} leaves none of the grid's {raw:N0} configurations"));
        }

        return result;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
