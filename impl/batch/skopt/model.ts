// What the optimizers' models share: a prediction of the objective at a point, with its uncertainty.

export interface Prediction {
  mean: number;
  std: number;
}

/** A model fitted to the objective of previous trials. */
export interface SurrogateModel {
  predict(features: number[]): Prediction;
}
