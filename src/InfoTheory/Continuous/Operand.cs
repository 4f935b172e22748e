namespace InfoTheory.Continuous;

// <summary>
// One input of an estimator as its exceptions name it: <see cref="Name"/> is the public caller's parameter
// (the exception's ParamName), <see cref="Description"/> how the message refers to the values ("X", "column 2 of features").
// </summary>
// <remarks>The estimators' cores serve several public entry points; each passes its own parameter names.</remarks>
internal readonly record struct Operand(string Name, string Description);
