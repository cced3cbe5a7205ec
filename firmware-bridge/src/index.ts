// Public entry of firmware-bridge. Other parts import only from here.
export * from './arm/arm-controller.ts';
