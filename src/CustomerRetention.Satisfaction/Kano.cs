using System.Globalization;

namespace CustomerRetention.Satisfaction;

/// <summary>The five answers of a Kano question ("If the product has / does not have this feature, how do you feel?").</summary>
public enum KanoAnswer
{
    /// <summary>I like it that way.</summary>
    Like = 0,

    /// <summary>It must be that way.</summary>
    MustBe = 1,

    /// <summary>I am neutral.</summary>
    Neutral = 2,

    /// <summary>I can live with it that way.</summary>
    LiveWith = 3,

    /// <summary>I dislike it that way.</summary>
    Dislike = 4,
}

/// <summary>The Kano categories of a feature.</summary>
public enum KanoCategory
{
    /// <summary>A — attractive (delighter): its presence delights, its absence is not missed.</summary>
    Attractive = 0,

    /// <summary>O — one-dimensional (performance): more is better, less is worse.</summary>
    OneDimensional = 1,

    /// <summary>M — must-be (basic): taken for granted; absence dissatisfies.</summary>
    MustBe = 2,

    /// <summary>I — indifferent: neither.</summary>
    Indifferent = 3,

    /// <summary>R — reverse: the respondent prefers its absence.</summary>
    Reverse = 4,

    /// <summary>Q — questionable: a contradictory answer pair.</summary>
    Questionable = 5,
}

/// <summary>One respondent's answer pair for one feature.</summary>
/// <param name="Functional">The answer when the feature is present.</param>
/// <param name="Dysfunctional">The answer when it is absent.</param>
public readonly record struct KanoResponse(KanoAnswer Functional, KanoAnswer Dysfunctional);

/// <summary>
/// The Kano model: the standard evaluation table that maps a functional/dysfunctional answer pair
/// to a category, tallies over respondents, and Berger's better/worse coefficients.
/// </summary>
/// <remarks>
/// <para>Evaluation table (rows: functional; columns: dysfunctional, in the order Like, Must-be,
/// Neutral, Live with, Dislike): Like → Q A A A O; Must-be, Neutral, Live with → R I I I M;
/// Dislike → R R R R Q. Sources: N. Kano et al. (1984), "Attractive quality and must-be quality",
/// <i>Hinshitsu</i> 14(2); C. Berger et al. (1993), "Kano's methods for understanding
/// customer-defined quality", <i>Center for Quality of Management Journal</i> 2(4), 3–36, Table 1;
/// Matzler &amp; Hinterhuber (1998), <i>Technovation</i> 18(1), 25–38.</para>
/// <para>Better = (A + O)/(A + O + M + I); Worse = −(O + M)/(A + O + M + I) (Berger et al. 1993).</para>
/// </remarks>
public static class Kano
{
    private static readonly KanoCategory[] Table =
    [
        // Functional = Like
        KanoCategory.Questionable, KanoCategory.Attractive, KanoCategory.Attractive, KanoCategory.Attractive, KanoCategory.OneDimensional,
        // Functional = Must-be
        KanoCategory.Reverse, KanoCategory.Indifferent, KanoCategory.Indifferent, KanoCategory.Indifferent, KanoCategory.MustBe,
        // Functional = Neutral
        KanoCategory.Reverse, KanoCategory.Indifferent, KanoCategory.Indifferent, KanoCategory.Indifferent, KanoCategory.MustBe,
        // Functional = Live with
        KanoCategory.Reverse, KanoCategory.Indifferent, KanoCategory.Indifferent, KanoCategory.Indifferent, KanoCategory.MustBe,
        // Functional = Dislike
        KanoCategory.Reverse, KanoCategory.Reverse, KanoCategory.Reverse, KanoCategory.Reverse, KanoCategory.Questionable,
    ];

    /// <summary>The category of one answer pair by the standard evaluation table.</summary>
    /// <param name="functional">The answer with the feature present.</param>
    /// <param name="dysfunctional">The answer with the feature absent.</param>
    public static KanoCategory Evaluate(KanoAnswer functional, KanoAnswer dysfunctional) =>
        Table[((int)Guard.Defined(functional) * 5) + (int)Guard.Defined(dysfunctional)];

    /// <summary>Tallies the categories of all respondents' answer pairs for one feature.</summary>
    /// <param name="responses">The answer pairs. Range: at least one.</param>
    public static KanoTally Tally(ReadOnlySpan<KanoResponse> responses)
    {
        if (responses.IsEmpty)
        {
            throw new ArgumentException("The sample is empty.", nameof(responses));
        }

        var counts = new long[6];
        for (int i = 0; i < responses.Length; i++)
        {
            counts[(int)Evaluate(responses[i].Functional, responses[i].Dysfunctional)]++;
        }

        return new KanoTally(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
    }
}

/// <summary>
/// The category counts of one feature, its dominant category and Berger's coefficients.
/// </summary>
/// <remarks>
/// Immutable value. When A + O + M + I is 0 (only reverse or questionable answers) both
/// coefficients are 0. The dominant category is the most frequent; ties are broken M &gt; O &gt; A &gt; I
/// &gt; R &gt; Q (Berger et al. 1993: when in doubt, the category with the larger impact on the product).
/// </remarks>
public readonly struct KanoTally : IEquatable<KanoTally>
{
    /// <summary>Creates a tally from counts.</summary>
    /// <param name="attractive">A. Range: ≥ 0.</param>
    /// <param name="oneDimensional">O. Range: ≥ 0.</param>
    /// <param name="mustBe">M. Range: ≥ 0.</param>
    /// <param name="indifferent">I. Range: ≥ 0.</param>
    /// <param name="reverse">R. Range: ≥ 0.</param>
    /// <param name="questionable">Q. Range: ≥ 0; all six sum to more than 0.</param>
    public KanoTally(long attractive, long oneDimensional, long mustBe, long indifferent, long reverse, long questionable)
    {
        Attractive = Guard.NonNegative(attractive);
        OneDimensional = Guard.NonNegative(oneDimensional);
        MustBe = Guard.NonNegative(mustBe);
        Indifferent = Guard.NonNegative(indifferent);
        Reverse = Guard.NonNegative(reverse);
        Questionable = Guard.NonNegative(questionable);
        if (attractive + oneDimensional + mustBe + indifferent + reverse + questionable == 0)
        {
            throw new ArgumentException("The tally is empty.", nameof(questionable));
        }
    }

    /// <summary>A: attractive answers.</summary>
    public long Attractive { get; }

    /// <summary>O: one-dimensional answers.</summary>
    public long OneDimensional { get; }

    /// <summary>M: must-be answers.</summary>
    public long MustBe { get; }

    /// <summary>I: indifferent answers.</summary>
    public long Indifferent { get; }

    /// <summary>R: reverse answers.</summary>
    public long Reverse { get; }

    /// <summary>Q: questionable answers.</summary>
    public long Questionable { get; }

    /// <summary>All answers.</summary>
    public long Count => Attractive + OneDimensional + MustBe + Indifferent + Reverse + Questionable;

    /// <summary>Better (satisfaction) coefficient (A + O)/(A + O + M + I), in [0, 1].</summary>
    public double Better
    {
        get
        {
            long d = Attractive + OneDimensional + MustBe + Indifferent;
            return d == 0 ? 0 : (double)(Attractive + OneDimensional) / d;
        }
    }

    /// <summary>Worse (dissatisfaction) coefficient −(O + M)/(A + O + M + I), in [−1, 0].</summary>
    public double Worse
    {
        get
        {
            long d = Attractive + OneDimensional + MustBe + Indifferent;
            return d == 0 ? 0 : -(double)(OneDimensional + MustBe) / d;
        }
    }

    /// <summary>The most frequent category (ties: M &gt; O &gt; A &gt; I &gt; R &gt; Q).</summary>
    public KanoCategory Category
    {
        get
        {
            KanoCategory best = KanoCategory.MustBe;
            long bestCount = MustBe;
            Consider(KanoCategory.OneDimensional, OneDimensional, ref best, ref bestCount);
            Consider(KanoCategory.Attractive, Attractive, ref best, ref bestCount);
            Consider(KanoCategory.Indifferent, Indifferent, ref best, ref bestCount);
            Consider(KanoCategory.Reverse, Reverse, ref best, ref bestCount);
            Consider(KanoCategory.Questionable, Questionable, ref best, ref bestCount);
            return best;
        }
    }

    /// <summary>The count of one category.</summary>
    /// <param name="category">The category.</param>
    public long CountOf(KanoCategory category) => Guard.Defined(category) switch
    {
        KanoCategory.Attractive => Attractive,
        KanoCategory.OneDimensional => OneDimensional,
        KanoCategory.MustBe => MustBe,
        KanoCategory.Indifferent => Indifferent,
        KanoCategory.Reverse => Reverse,
        _ => Questionable,
    };

    private static void Consider(KanoCategory category, long count, ref KanoCategory best, ref long bestCount)
    {
        if (count > bestCount)
        {
            best = category;
            bestCount = count;
        }
    }

    /// <inheritdoc/>
    public bool Equals(KanoTally other) =>
        Attractive == other.Attractive && OneDimensional == other.OneDimensional && MustBe == other.MustBe
        && Indifferent == other.Indifferent && Reverse == other.Reverse && Questionable == other.Questionable;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is KanoTally other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        Attractive.GetHashCode() ^ (OneDimensional.GetHashCode() * 3) ^ (MustBe.GetHashCode() * 7)
        ^ (Indifferent.GetHashCode() * 11) ^ (Reverse.GetHashCode() * 13) ^ (Questionable.GetHashCode() * 17);

    /// <summary>Equality of all six counts.</summary>
    public static bool operator ==(KanoTally left, KanoTally right) => left.Equals(right);

    /// <summary>Inequality of a count.</summary>
    public static bool operator !=(KanoTally left, KanoTally right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture, "A {0} O {1} M {2} I {3} R {4} Q {5}: {6}", Attractive, OneDimensional, MustBe, Indifferent, Reverse, Questionable, Category);
}
