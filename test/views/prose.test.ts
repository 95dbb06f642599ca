// The agreement's sentences come from the scenario and the data, for any region: the Methode and Verdeelsleutels
// pages say what the ramp fixes with rampSplit, and the agreement sentence names the region and who is outside it.
import {beforeAll, describe, expect, test} from "vitest";
import {context, installDom, scenarios} from "./helpers.ts";

beforeAll(() => {
  installDom();
});

const prose = () => import("../../src/components/views/prose.ts");
const members = [
  {code: "GM0001", name: "Aa"},
  {code: "GM0002", name: "Bee"},
  {code: "GM0003", name: "Cee"},
  {code: "GM0004", name: "Dee"}
];

describe("prose from the agreement's facts", () => {
  test("the agreed ramp fixes the lead municipality and the key divides the rest over the others", async () => {
    const {rampSplit} = await prose();
    const agreed = scenarios.scenarios.agreed!;
    const inAgreement = context().datasets.municipalities.filter((m) => m.inAgreement);
    expect(rampSplit(agreed.ramp, inAgreement)).toEqual({text: "het aantal voor Amersfoort en het totaal van de andere zeven", others: 7});
  });

  test("another region: two fixed members (by code or name), a region-only ramp, targets per municipality", async () => {
    const {rampSplit} = await prose();
    const period = {from: 2025, to: 2030};
    expect(rampSplit([{...period, fixed: {GM0001: 10, Cee: 5}, others: 20}] as never, members)).toEqual({text: "het aantal voor Aa en Cee en het totaal van de andere twee", others: 2});
    expect(rampSplit([{...period, region: 40}] as never, members)).toEqual({text: "het totaal van de regio", others: 4});
    expect(rampSplit([{...period, targets: {GM0001: 1, GM0002: 2, GM0003: 3, GM0004: 4}}] as never, members).others).toBe(0);
  });

  test("the agreement sentence names the region and the municipalities in the data that are outside the agreement", async () => {
    const {agreementText} = await prose();
    const ctx = context();
    const text = agreementText(ctx, scenarios.scenarios.agreed!).textContent ?? "";
    const outside = ctx.datasets.municipalities.filter((m) => !m.inAgreement).map((m) => m.name);
    expect(text).toContain(`gemeenten van ${ctx.engine.REGION_NAME} (zonder ${outside.join(" en ")})`);
    const alone = agreementText({...ctx, datasets: {...ctx.datasets, municipalities: ctx.datasets.municipalities.filter((m) => m.inAgreement)}}, scenarios.scenarios.agreed!).textContent ?? "";
    expect(alone).toContain(`gemeenten van ${ctx.engine.REGION_NAME} hebben afgesproken`);
  });
});
