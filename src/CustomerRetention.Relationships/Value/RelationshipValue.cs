namespace CustomerRetention.Relationships;

/// <summary>
/// The kind of value a relationship rests on, from the weakest bond to the strongest
/// (domain brief §1, "three kinds of value a relationship can rest on"). The tiers build on one
/// another: a relationship reaches <see cref="Emotional"/> only once it is <see cref="Functional"/>,
/// and <see cref="Ideal"/> only once it is emotional. The default value is <see cref="None"/>.
/// </summary>
public enum RelationshipValue
{
    /// <summary>No tier reached yet: the seller has not yet proved useful.</summary>
    None = 0,

    /// <summary>"You are useful to me": the seller solves the customer's problems. The first to build and the most stable.</summary>
    Functional = 1,

    /// <summary>"I like you": an emotional account in credit. Needed to realise a customer's lifetime value.</summary>
    Emotional = 2,

    /// <summary>Shared values: the same beliefs and purpose. The strongest basis of loyalty.</summary>
    Ideal = 3,
}
