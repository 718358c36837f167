import {
  validateNetworkName,
  validateResourceGroupName,
  validateSubnetName,
  validateSubscriptionId,
} from "./validation.js";

/**
 * What {@link PrivateEndpointConfig} is built from.
 *
 * @public
 */
export interface PrivateEndpointConfigInit {
  /** Name of the private endpoint (`Microsoft.Network/privateEndpoints`) to create. */
  name: string;
  /** Name of the existing virtual network the endpoint goes into. */
  vnetName: string;
  /**
   * Name of the subnet of `vnetName`.
   * @defaultValue `"default"`
   */
  vnetSubnetName?: string;
  /**
   * Subscription of the virtual network.
   * @defaultValue the workspace's subscription
   */
  vnetSubscriptionId?: string;
  /**
   * Resource group of the virtual network; the private endpoint and its DNS zones are created
   * there too.
   * @defaultValue the workspace's resource group
   */
  vnetResourceGroup?: string;
}

/**
 * Where to create a workspace's private endpoint: an immutable value checked against ARM's
 * naming rules when constructed (a bad name throws a `ValidationError` at once, before any
 * request).
 *
 * @example
 * ```ts
 * const pe = new PrivateEndpointConfig({ name: "myprivateendpoint", vnetName: "myvnet" });
 * ```
 * @public
 */
export class PrivateEndpointConfig {
  /** Name of the private endpoint. */
  readonly name: string;
  /** Name of the virtual network. */
  readonly vnetName: string;
  /** Name of the subnet. */
  readonly vnetSubnetName: string;
  /** Subscription of the virtual network; `undefined` means the workspace's. */
  readonly vnetSubscriptionId: string | undefined;
  /** Resource group of the virtual network; `undefined` means the workspace's. */
  readonly vnetResourceGroup: string | undefined;

  constructor(init: PrivateEndpointConfigInit) {
    this.name = validateNetworkName(init?.name, "name", "private endpoint");
    this.vnetName = validateNetworkName(init.vnetName, "vnetName", "virtual network");
    // An empty subnet name means the default one, as in the Python SDK.
    this.vnetSubnetName = validateSubnetName(init.vnetSubnetName || "default");
    this.vnetSubscriptionId =
      init.vnetSubscriptionId === undefined
        ? undefined
        : validateSubscriptionId(init.vnetSubscriptionId, "vnetSubscriptionId");
    this.vnetResourceGroup =
      init.vnetResourceGroup === undefined
        ? undefined
        : validateResourceGroupName(init.vnetResourceGroup, "vnetResourceGroup");
    Object.freeze(this);
  }

  /**
   * A copy with the unset subscription and resource group filled in from the workspace's.
   *
   * @internal
   */
  withDefaults(subscriptionId: string, resourceGroup: string): ResolvedPrivateEndpointConfig {
    return {
      name: this.name,
      vnetName: this.vnetName,
      vnetSubnetName: this.vnetSubnetName,
      vnetSubscriptionId: this.vnetSubscriptionId ?? subscriptionId,
      vnetResourceGroup: this.vnetResourceGroup ?? resourceGroup,
    };
  }

  /** A plain object, for logging and JSON. */
  toJSON(): PrivateEndpointConfigInit {
    return {
      name: this.name,
      vnetName: this.vnetName,
      vnetSubnetName: this.vnetSubnetName,
      vnetSubscriptionId: this.vnetSubscriptionId,
      vnetResourceGroup: this.vnetResourceGroup,
    };
  }
}

/**
 * The Python SDK's spelling of {@link PrivateEndpointConfig}.
 *
 * @public
 */
export const PrivateEndPointConfig = PrivateEndpointConfig;
/** @public */
export type PrivateEndPointConfig = PrivateEndpointConfig;

/**
 * A private endpoint configuration with every field known.
 *
 * @internal
 */
export interface ResolvedPrivateEndpointConfig {
  name: string;
  vnetName: string;
  vnetSubnetName: string;
  vnetSubscriptionId: string;
  vnetResourceGroup: string;
}
