namespace CustomerRetention.Relationships;

/// <summary>The seven reasons customers leave (domain brief §4, "churn management and win-back").</summary>
public enum ChurnReason
{
    /// <summary>Inconvenient: too few channels, hard to reach or to buy.</summary>
    Inconvenient = 0,

    /// <summary>Untimely: slow response, waiting.</summary>
    Untimely = 1,

    /// <summary>Unfriendly: untrained, discourteous staff.</summary>
    Unfriendly = 2,

    /// <summary>Unprofessional: the problem could not be solved.</summary>
    Unprofessional = 3,

    /// <summary>Poor value: worse than the competitors.</summary>
    PoorValue = 4,

    /// <summary>Dislike: of the brand, the product or a person.</summary>
    Dislike = 5,

    /// <summary>Broken promises.</summary>
    BrokenPromises = 6,
}

/// <summary>Names, descriptions and parsing of <see cref="ChurnReason"/>.</summary>
public static class ChurnReasons
{
    private static readonly string[] Names =
    [
        "inconvenient", "untimely", "unfriendly", "unprofessional", "poor-value", "dislike", "broken-promises",
    ];

    private static readonly string[] Descriptions =
    [
        "Inconvenient: too few channels, hard to reach or to buy.",
        "Untimely: slow response, waiting.",
        "Unfriendly: untrained, discourteous staff.",
        "Unprofessional: the problem could not be solved.",
        "Poor value: worse than the competitors.",
        "Dislike: of the brand, the product or a person.",
        "Broken promises: what was promised was not delivered.",
    ];

    /// <summary>The seven reasons in the source's order.</summary>
    public static IReadOnlyList<ChurnReason> All { get; } =
    [
        ChurnReason.Inconvenient, ChurnReason.Untimely, ChurnReason.Unfriendly, ChurnReason.Unprofessional,
        ChurnReason.PoorValue, ChurnReason.Dislike, ChurnReason.BrokenPromises,
    ];

    /// <summary>The reason's name as files and the tool write it: lower case with hyphens, e.g. <c>poor-value</c>.</summary>
    /// <param name="reason">A defined reason.</param>
    /// <returns>The name.</returns>
    public static string NameOf(ChurnReason reason) => Names[(int)Guard.Defined(reason)];

    /// <summary>A one-sentence description of the reason (domain brief §4).</summary>
    /// <param name="reason">A defined reason.</param>
    /// <returns>The description.</returns>
    public static string Describe(ChurnReason reason) => Descriptions[(int)Guard.Defined(reason)];

    /// <summary>
    /// Parses a reason name: <c>poor-value</c>, <c>poor_value</c>, <c>poor value</c> and <c>PoorValue</c> are all
    /// accepted, case-insensitively.
    /// </summary>
    /// <param name="text">The name.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="ArgumentException">The name is not one of the seven reasons.</exception>
    public static ChurnReason Parse(string text)
    {
        Guard.NotNull(text);
        return TryParse(text, out ChurnReason reason)
            ? reason
            : throw new ArgumentException($"'{text}' is not a churn reason (one of {string.Join(", ", Names)}).", nameof(text));
    }

    /// <summary>Tries to parse a reason name (see <see cref="Parse(string)"/>).</summary>
    /// <param name="text">The name, or null.</param>
    /// <param name="reason">The reason when the name is known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? text, out ChurnReason reason)
    {
        reason = default;
        if (text is null)
        {
            return false;
        }

        string key = Normalise(text);
        for (int i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Normalise(Names[i]), key, StringComparison.Ordinal))
            {
                reason = (ChurnReason)i;
                return true;
            }
        }

        return false;
    }

    internal static string Normalise(string text)
    {
        var chars = new char[text.Length];
        int n = 0;
        foreach (char c in text)
        {
            if (c is not ('-' or '_' or ' '))
            {
                chars[n++] = char.ToLowerInvariant(c);
            }
        }

        return new string(chars, 0, n);
    }
}
